namespace ScimClean.Application.Scim.Schemas;

/// <summary>A SCIM schema: a URN and the attributes it defines (RFC 7643 §7).</summary>
public sealed record ScimSchema(string Id, string Name, string Description, IReadOnlyList<SchemaAttribute> Attributes)
{
    /// <summary>Finds a top-level attribute by name, ignoring case.</summary>
    public SchemaAttribute? FindAttribute(string name)
    {
        // An index loop: foreach over the list interface allocates an enumerator, and this runs per attribute of
        // every rendered resource.
        for (var index = 0; index < Attributes.Count; index++)
        {
            var attribute = Attributes[index];
            if (string.Equals(attribute.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return attribute;
            }
        }

        return null;
    }
}
