namespace ScimClean.Architecture.Tests.BadFixtures.Application;

public sealed class ApplicationUsingHttpClient
{
    public HttpClient? Dependency { get; init; }
}
