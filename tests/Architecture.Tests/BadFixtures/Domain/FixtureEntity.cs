namespace ScimClean.Architecture.Tests.BadFixtures.Domain;

/// <summary>A clean domain type: BCL only.</summary>
public sealed class FixtureEntity
{
    public Guid Id { get; init; }
}
