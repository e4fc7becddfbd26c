namespace ScimClean.Application.Users;

/// <summary>A group a user is a direct member of, as the user's read-only groups attribute shows it.</summary>
public sealed record UserGroupView(Guid GroupId, string Display);
