namespace ScimClean.Application.Scim.Schemas;

/// <summary>One attribute definition of a SCIM schema with its characteristics (RFC 7643 §2.2, §7).</summary>
public sealed record SchemaAttribute
{
    public required string Name { get; init; }

    public ScimAttributeType Type { get; init; } = ScimAttributeType.String;

    public bool MultiValued { get; init; }

    public string Description { get; init; } = string.Empty;

    public bool Required { get; init; }

    public bool CaseExact { get; init; }

    public Mutability Mutability { get; init; } = Mutability.ReadWrite;

    public Returned Returned { get; init; } = Returned.Default;

    public Uniqueness Uniqueness { get; init; } = Uniqueness.None;

    public IReadOnlyList<string> CanonicalValues { get; init; } = [];

    public IReadOnlyList<string> ReferenceTypes { get; init; } = [];

    public IReadOnlyList<SchemaAttribute> SubAttributes { get; init; } = [];

    public bool IsComplex => Type == ScimAttributeType.Complex;

    /// <summary>Finds a sub-attribute by name, ignoring case (attribute names are case-insensitive, RFC 7643 §2.1).</summary>
    public SchemaAttribute? FindSubAttribute(string name)
    {
        for (var index = 0; index < SubAttributes.Count; index++)
        {
            var subAttribute = SubAttributes[index];
            if (string.Equals(subAttribute.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return subAttribute;
            }
        }

        return null;
    }
}
