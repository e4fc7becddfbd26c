namespace ScimClean.Application.Scim.Schemas;

/// <summary>A SCIM schema: a URN and the attributes it defines (RFC 7643 §7).</summary>
public sealed record ScimSchema(string Id, string Name, string Description, IReadOnlyList<SchemaAttribute> Attributes)
{
    /// <summary>Finds a top-level attribute by name, ignoring case.</summary>
    public SchemaAttribute? FindAttribute(string name)
    {
        foreach (var attribute in Attributes)
        {
            if (string.Equals(attribute.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return attribute;
            }
        }

        return null;
    }
}
