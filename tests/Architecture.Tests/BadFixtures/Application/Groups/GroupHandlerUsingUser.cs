namespace ScimClean.Architecture.Tests.BadFixtures.Application.Groups;

public sealed class GroupHandlerUsingUser
{
    public Domain.Users.FixtureUser? Dependency { get; init; }
}
