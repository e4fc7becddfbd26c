namespace ScimClean.Architecture.Tests.BadFixtures.Domain.Users;

public sealed class FixtureUser
{
    public Guid Id { get; init; }
}
