namespace ScimClean.Architecture.Tests.BadFixtures.Api.Endpoints;

/// <summary>An endpoint that reaches past ISender into Infrastructure.</summary>
public sealed class LeakyEndpoints
{
    public Infrastructure.FixtureRepository? Dependency { get; init; }
}
