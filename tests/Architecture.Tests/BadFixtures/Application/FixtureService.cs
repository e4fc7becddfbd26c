namespace ScimClean.Architecture.Tests.BadFixtures.Application;

/// <summary>A clean application type: uses the domain only.</summary>
public sealed class FixtureService
{
    public Domain.FixtureEntity? Entity { get; init; }
}
