namespace ScimClean.Domain.Organizations;

/// <summary>
/// A bearer token a directory (Entra) uses for one organization's SCIM endpoint. Only its hash is kept.
/// A rotated-out token keeps working until <see cref="ExpiresAt"/>.
/// </summary>
public sealed class DirectoryToken
{
    private DirectoryToken()
    {
        TokenHash = string.Empty;
    }

    internal DirectoryToken(Guid id, string tokenHash, DateTimeOffset createdAt)
    {
        Id = id;
        TokenHash = tokenHash;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public string TokenHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public bool IsValidAt(DateTimeOffset now) => ExpiresAt is null || now < ExpiresAt;

    internal void ExpireAt(DateTimeOffset expiresAt)
    {
        if (ExpiresAt is null || expiresAt < ExpiresAt)
        {
            ExpiresAt = expiresAt;
        }
    }
}
