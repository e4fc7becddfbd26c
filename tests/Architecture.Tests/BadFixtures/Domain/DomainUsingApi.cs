namespace ScimClean.Architecture.Tests.BadFixtures.Domain;

public sealed class DomainUsingApi
{
    public Api.FixtureApiType? Dependency { get; init; }
}
