namespace ScimClean.Infrastructure.Persistence.Querying;

/// <summary>
/// A table with one row per value of a multi-valued attribute, owned by a resource row. Filters on the attribute
/// whose sub-attributes all have columns here become
/// <c>t.Id IN (SELECT v.Owner FROM Table v WHERE v.Org = @org [AND v.Discriminator = @d] AND ...)</c>, an index seek.
/// </summary>
/// <remarks>
/// Users: <c>emails</c> → <c>UserValues</c> (discriminated by <c>Attribute = 'emails'</c>, also kept in the document).
/// Groups (later): <c>members</c> → the membership table (<c>value</c> → member id, <c>type</c> → member type), with
/// <paramref name="StoredInDocument"/> false, so filters on other sub-attributes are rejected instead of falling back
/// to the JSON document.
/// </remarks>
/// <param name="SchemaUrn">Canonical URN of the schema defining the attribute.</param>
/// <param name="AttributeName">Canonical attribute name, e.g. <c>emails</c> or <c>members</c>.</param>
/// <param name="TableName">The side table.</param>
/// <param name="OwnerColumn">The column referencing the resource's id.</param>
/// <param name="OrganizationColumn">The side table's organization column (part of the index, always constrained).</param>
/// <param name="DiscriminatorColumn">When one table holds several attributes: the column naming the attribute.</param>
/// <param name="DiscriminatorValue">The value of <paramref name="DiscriminatorColumn"/> for this attribute.</param>
/// <param name="SubAttributes">Sub-attribute name (case-insensitive) → column.</param>
/// <param name="StoredInDocument">True when the values are also in the JSON document (JSON fallback possible).</param>
internal sealed record MultiValuedTableMapping(
    string SchemaUrn,
    string AttributeName,
    string TableName,
    string OwnerColumn,
    string OrganizationColumn,
    string? DiscriminatorColumn,
    string? DiscriminatorValue,
    IReadOnlyDictionary<string, ColumnMapping> SubAttributes,
    bool StoredInDocument)
{
    public bool Matches(string schemaUrn, string attributeName) =>
        string.Equals(SchemaUrn, schemaUrn, StringComparison.OrdinalIgnoreCase)
        && string.Equals(AttributeName, attributeName, StringComparison.OrdinalIgnoreCase);
}
