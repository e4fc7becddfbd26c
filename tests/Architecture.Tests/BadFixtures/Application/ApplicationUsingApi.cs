namespace ScimClean.Architecture.Tests.BadFixtures.Application;

public sealed class ApplicationUsingApi
{
    public Api.FixtureApiType? Dependency { get; init; }
}
