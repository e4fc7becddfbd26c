namespace ScimClean.Architecture.Tests.BadFixtures.Infrastructure;

public sealed class InfrastructureUsingApi
{
    public Api.FixtureApiType? Dependency { get; init; }
}
