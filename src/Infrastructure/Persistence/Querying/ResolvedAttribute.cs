using ScimClean.Application.Scim.Schemas;

namespace ScimClean.Infrastructure.Persistence.Querying;

/// <summary>
/// An attribute path of a filter or sortBy resolved against the schema: canonical names for catalogued attributes,
/// names as written for custom extensions (<see cref="Attribute"/> is then null).
/// </summary>
internal sealed record ResolvedAttribute(
    string FullName,
    string SchemaUrn,
    bool IsCore,
    SchemaAttribute? Attribute,
    SchemaAttribute? SubAttribute,
    string AttributeName,
    string? SubAttributeName)
{
    public bool IsCustomExtension => Attribute is null;

    /// <summary>The object keys leading to the attribute (or its sub-attribute) inside the document.</summary>
    public IReadOnlyList<string> DocumentPath => Segments(IsCore ? [] : [SchemaUrn], AttributeName, SubAttributeName);

    /// <summary>The keys leading to the attribute itself (without the sub-attribute).</summary>
    public IReadOnlyList<string> AttributeDocumentPath => Segments(IsCore ? [] : [SchemaUrn], AttributeName, null);

    public static IReadOnlyList<string> Segments(IReadOnlyList<string> prefix, string name, string? sub)
    {
        var segments = new List<string>(prefix) { name };
        if (sub is not null)
        {
            segments.Add(sub);
        }

        return segments;
    }
}
