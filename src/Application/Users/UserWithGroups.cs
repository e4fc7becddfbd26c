namespace ScimClean.Application.Users;

/// <summary>A user and the groups it is a direct member of (in display-name order), as <c>GET /Users/{id}</c> renders it.</summary>
public sealed record UserWithGroups(Domain.Users.User User, IReadOnlyList<UserGroupView> Groups);
