namespace ScimClean.Application.Users;

/// <summary>
/// A stored user as <c>GET /Users/{id}</c> answers it, read without restoring the aggregate (a query changes nothing):
/// its attributes document exactly as stored (UTF-8 JSON, written by the domain once its invariants held: no id,
/// meta, groups or password in it), its id, version and times, and the groups it is a direct member of (in
/// display-name order).
/// </summary>
public sealed record StoredUserDocument(
    Guid Id,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastModifiedAt,
    ReadOnlyMemory<byte> Attributes,
    IReadOnlyList<UserGroupView> Groups);
