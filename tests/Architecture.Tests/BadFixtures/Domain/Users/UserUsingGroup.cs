namespace ScimClean.Architecture.Tests.BadFixtures.Domain.Users;

public sealed class UserUsingGroup
{
    public Groups.FixtureGroup? Dependency { get; init; }
}
