namespace ScimClean.Architecture.Tests.BadFixtures.Api;

/// <summary>DI code outside Endpoints may touch Infrastructure.</summary>
public sealed class FixtureDependencyInjection
{
    public Infrastructure.FixtureRepository? Dependency { get; init; }
}
