namespace ScimClean.Architecture.Tests.BadFixtures.Domain;

public sealed class DomainUsingHttpClient
{
    public HttpClient? Dependency { get; init; }
}
