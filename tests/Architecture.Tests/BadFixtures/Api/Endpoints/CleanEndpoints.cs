namespace ScimClean.Architecture.Tests.BadFixtures.Api.Endpoints;

/// <summary>An endpoint that uses Application types only.</summary>
public sealed class CleanEndpoints
{
    public Application.FixtureService? Dependency { get; init; }
}
