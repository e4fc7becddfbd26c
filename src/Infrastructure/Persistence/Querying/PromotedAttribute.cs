namespace ScimClean.Infrastructure.Persistence.Querying;

/// <summary>
/// A single-valued attribute stored in (or copied to) a column of the resource table. Names are the schema's
/// canonical names; <paramref name="SchemaUrn"/> is the core URN for common attributes (id, externalId, meta).
/// </summary>
internal sealed record PromotedAttribute(string SchemaUrn, string AttributeName, string? SubAttribute, ColumnMapping Column)
{
    public bool Matches(string schemaUrn, string attributeName, string? subAttribute) =>
        string.Equals(SchemaUrn, schemaUrn, StringComparison.OrdinalIgnoreCase)
        && string.Equals(AttributeName, attributeName, StringComparison.OrdinalIgnoreCase)
        && string.Equals(SubAttribute, subAttribute, StringComparison.OrdinalIgnoreCase);
}
