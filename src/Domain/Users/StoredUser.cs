namespace ScimClean.Domain.Users;

/// <summary>The columns of a saved user, as a store reads them back (see <see cref="User.Restore"/>).</summary>
public readonly record struct StoredUser(
    Guid Id,
    Guid OrganizationId,
    string UserName,
    string NormalizedUserName,
    string? ExternalId,
    string? DisplayName,
    bool Active,
    string? PasswordHash,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastModifiedAt,
    string Document);
