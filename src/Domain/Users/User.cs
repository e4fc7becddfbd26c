using System.Text.Json.Nodes;

namespace ScimClean.Domain.Users;

/// <summary>
/// A user of one organization's directory. The SCIM document is the source of truth; userName, externalId,
/// displayName and active are copied out of it into columns so that the database can index and filter them.
/// </summary>
public sealed class User : AggregateRoot
{
    private string _document = "{}";

    // The attributes the document holds, parsed once: reading them (every render, every change) would otherwise parse
    // the document and copy it again. Kept with the document they came from, so that a document set another way (the
    // database filling the field) is parsed afresh rather than answered from a stale copy.
    private ParsedDocument? _parsed;

    private User()
    {
        UserName = string.Empty;
        NormalizedUserName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid OrganizationId { get; private set; }

    public string UserName { get; private set; }

    /// <summary>Upper-case invariant form of the userName: what uniqueness and filters compare.</summary>
    public string NormalizedUserName { get; private set; }

    public string? ExternalId { get; private set; }

    public string? DisplayName { get; private set; }

    public bool Active { get; private set; }

    public string? PasswordHash { get; private set; }

    /// <summary>Grows by one with every change: the SCIM ETag and the optimistic concurrency token.</summary>
    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset LastModifiedAt { get; private set; }

    public static User Create(Guid organizationId, UserAttributes attributes, string? passwordHash, DateTimeOffset now)
    {
        var user = new User
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = organizationId,
            CreatedAt = now,
            Version = 0,
        };
        user.Apply(attributes, passwordHash, now);
        user.Raise(new UserCreated(organizationId, user.Id, now));
        return user;
    }

    /// <summary>
    /// A saved user as a store read it back: no validation and no event, since the row was checked when it was written.
    /// For stores that read rows themselves rather than through EF Core's materializer (the SQLite fast read path).
    /// </summary>
    public static User Restore(StoredUser stored) => new()
    {
        Id = stored.Id,
        OrganizationId = stored.OrganizationId,
        UserName = stored.UserName,
        NormalizedUserName = stored.NormalizedUserName,
        ExternalId = stored.ExternalId,
        DisplayName = stored.DisplayName,
        Active = stored.Active,
        PasswordHash = stored.PasswordHash,
        Version = stored.Version,
        CreatedAt = stored.CreatedAt,
        LastModifiedAt = stored.LastModifiedAt,
        _document = stored.Document,
    };

    /// <summary>The user's attributes. Immutable, so shared: <see cref="UserAttributes.ToJson"/> hands out a copy to change.</summary>
    public UserAttributes Attributes
    {
        get
        {
            var document = _document;
            if (_parsed is { } parsed && ReferenceEquals(parsed.Document, document))
            {
                return parsed.Attributes;
            }

            var attributes = UserAttributes.Parse(document);
            _parsed = new ParsedDocument(document, attributes);
            return attributes;
        }
    }

    /// <summary>
    /// Replaces every client-writable attribute (PUT, and PATCH once applied). Raises deactivated or
    /// reactivated when active flips, and updated when anything else changed. No change, no event, no new version.
    /// </summary>
    public void Replace(UserAttributes attributes, string? newPasswordHash, DateTimeOffset now)
    {
        var before = Attributes;
        var changed = ChangedAttributeNames(before, attributes).ToList();
        var passwordChanged = newPasswordHash is not null;
        if (changed.Count == 0 && !passwordChanged)
        {
            return;
        }

        var wasActive = Active;
        Apply(attributes, newPasswordHash ?? PasswordHash, now);

        var previous = PreviousValues(before, changed);
        if (wasActive && !Active)
        {
            Raise(new UserDeactivated(OrganizationId, Id, previous, now));
        }
        else if (!wasActive && Active)
        {
            Raise(new UserReactivated(OrganizationId, Id, previous, now));
        }

        if (changed.Any(name => !string.Equals(name, "active", StringComparison.Ordinal)) || passwordChanged)
        {
            Raise(new UserUpdated(OrganizationId, Id, previous, now));
        }
    }

    public void Delete(DateTimeOffset now) =>
        Raise(new UserDeleted(OrganizationId, Id, Attributes.ToJson(), now));

    private void Apply(UserAttributes attributes, string? passwordHash, DateTimeOffset now)
    {
        _document = attributes.Serialize();
        _parsed = new ParsedDocument(_document, attributes);
        UserName = attributes.UserName;
        NormalizedUserName = UserAttributes.NormalizeUserName(attributes.UserName);
        ExternalId = attributes.ExternalId;
        DisplayName = attributes.DisplayName;
        Active = attributes.Active;
        PasswordHash = passwordHash;
        LastModifiedAt = now;
        Version++;
    }

    private static IEnumerable<string> ChangedAttributeNames(UserAttributes before, UserAttributes after) =>
        before.Names.Union(after.Names, StringComparer.Ordinal)
            .Where(name => !JsonNode.DeepEquals(before.Get(name), after.Get(name)));

    private static JsonObject PreviousValues(UserAttributes before, IEnumerable<string> changed)
    {
        var previous = new JsonObject();
        foreach (var name in changed)
        {
            previous[name] = before.Get(name)?.DeepClone();
        }

        return previous;
    }

    private sealed record ParsedDocument(string Document, UserAttributes Attributes);
}
