namespace ScimClean.Architecture.Tests.BadFixtures.Infrastructure;

/// <summary>A clean infrastructure type: uses the application only.</summary>
public sealed class FixtureRepository
{
    public Application.FixtureService? Service { get; init; }
}
