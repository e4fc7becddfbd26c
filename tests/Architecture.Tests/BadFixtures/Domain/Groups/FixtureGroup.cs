namespace ScimClean.Architecture.Tests.BadFixtures.Domain.Groups;

/// <summary>Holds member ids, not users: allowed.</summary>
public sealed class FixtureGroup
{
    public IReadOnlyList<Guid> MemberIds { get; init; } = [];
}
