using ScimClean.Application.Scim.Schemas;

namespace ScimClean.Infrastructure.Persistence.Querying;

/// <summary>
/// Where a resource type's attributes live in the database: the resource table with its JSON document column,
/// the attributes promoted to columns, and side tables for multi-valued attributes. The filter compiler works
/// from this alone, so Groups reuse it with their own mapping.
/// </summary>
internal sealed class ResourceTableMapping
{
    public required ResourceTypeDefinition ResourceType { get; init; }

    public required string TableName { get; init; }

    /// <summary>The alias of the resource table in generated SQL.</summary>
    public string Alias { get; init; } = "t";

    public required string IdColumn { get; init; }

    public required string OrganizationColumn { get; init; }

    /// <summary>The column holding the SCIM document as JSON text.</summary>
    public required string DocumentColumn { get; init; }

    public IReadOnlyList<PromotedAttribute> PromotedAttributes { get; init; } = [];

    public IReadOnlyList<MultiValuedTableMapping> MultiValuedTables { get; init; } = [];

    /// <summary>
    /// Core/common attributes that are neither promoted nor in the document (e.g. password, groups, meta.version):
    /// filtering or sorting on them is rejected with a clear message.
    /// </summary>
    public IReadOnlySet<string> AttributesNotInDocument { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    public PromotedAttribute? FindPromoted(string schemaUrn, string attributeName, string? subAttribute) =>
        PromotedAttributes.FirstOrDefault(promoted => promoted.Matches(schemaUrn, attributeName, subAttribute));

    public MultiValuedTableMapping? FindTable(string schemaUrn, string attributeName) =>
        MultiValuedTables.FirstOrDefault(table => table.Matches(schemaUrn, attributeName));

    public bool IsNotInDocument(string schemaUrn, string attributeName) =>
        string.Equals(schemaUrn, ResourceType.Schema, StringComparison.OrdinalIgnoreCase)
        && AttributesNotInDocument.Contains(attributeName);
}
