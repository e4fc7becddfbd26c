namespace ScimClean.Infrastructure.Persistence;

/// <summary>
/// One element of an indexed multi-valued attribute of a user (today: emails), copied out of the SCIM document
/// so that <c>emails[type eq "work"].value eq "x"</c> is an index seek instead of a scan over every document.
/// Derived data: rebuilt from the document on every save of the user, deleted with the user by cascade.
/// </summary>
internal sealed class UserValueRecord
{
    public const int MaxAttributeLength = 64;

    public long Id { get; set; }

    public Guid UserId { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>The attribute's schema name, e.g. <c>emails</c>.</summary>
    public required string Attribute { get; set; }

    public string? Type { get; set; }

    public string? Value { get; set; }

    /// <summary>Upper-case invariant <see cref="Value"/>: what case-insensitive filters compare.</summary>
    public string? NormalizedValue { get; set; }

    public bool IsPrimary { get; set; }
}
