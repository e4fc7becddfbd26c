namespace ScimClean.Application.Scim.Schemas;

/// <summary>A SCIM resource type: its endpoint, core schema and extensions (RFC 7643 §6).</summary>
public sealed record ResourceTypeDefinition(
    string Name,
    string Endpoint,
    string Schema,
    IReadOnlyList<SchemaExtensionReference> SchemaExtensions,
    string Description)
{
    /// <summary>True when <paramref name="urn"/> is one of this type's extension schemas (case-insensitive).</summary>
    public bool HasExtension(string urn) => FindExtensionUrn(urn) is not null;

    /// <summary>The canonical spelling of the extension URN, or null when it is not an extension of this type.</summary>
    public string? FindExtensionUrn(string urn)
    {
        for (var index = 0; index < SchemaExtensions.Count; index++)
        {
            var extension = SchemaExtensions[index];
            if (string.Equals(extension.Schema, urn, StringComparison.OrdinalIgnoreCase))
            {
                return extension.Schema;
            }
        }

        return null;
    }
}
