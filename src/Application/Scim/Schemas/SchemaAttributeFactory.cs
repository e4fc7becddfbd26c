namespace ScimClean.Application.Scim.Schemas;

/// <summary>Shorthands that keep the schema catalogue readable; defaults are the RFC 7643 §2.2 defaults.</summary>
internal static class SchemaAttributeFactory
{
    public static SchemaAttribute Text(string name, string description, Mutability mutability = Mutability.ReadWrite, bool caseExact = false) =>
        new()
        {
            Name = name,
            Type = ScimAttributeType.String,
            Description = description,
            Mutability = mutability,
            CaseExact = caseExact,
        };

    public static SchemaAttribute Flag(string name, string description, Mutability mutability = Mutability.ReadWrite) =>
        new()
        {
            Name = name,
            Type = ScimAttributeType.Boolean,
            Description = description,
            Mutability = mutability,
        };

    public static SchemaAttribute Reference(string name, string description, IReadOnlyList<string> referenceTypes, Mutability mutability = Mutability.ReadWrite) =>
        new()
        {
            Name = name,
            Type = ScimAttributeType.Reference,
            Description = description,
            ReferenceTypes = referenceTypes,
            Mutability = mutability,
        };

    public static SchemaAttribute Complex(string name, string description, IReadOnlyList<SchemaAttribute> subAttributes, Mutability mutability = Mutability.ReadWrite) =>
        new()
        {
            Name = name,
            Type = ScimAttributeType.Complex,
            Description = description,
            SubAttributes = subAttributes,
            Mutability = mutability,
        };

    /// <summary>A multi-valued complex attribute with the usual value/display/type/primary sub-attributes (RFC 7643 §2.4).</summary>
    public static SchemaAttribute MultiValued(
        string name,
        string description,
        IReadOnlyList<string> typeValues,
        ScimAttributeType valueType = ScimAttributeType.String,
        IReadOnlyList<string>? valueReferenceTypes = null) =>
        new()
        {
            Name = name,
            Type = ScimAttributeType.Complex,
            MultiValued = true,
            Description = description,
            SubAttributes =
            [
                new SchemaAttribute
                {
                    Name = "value",
                    Type = valueType,
                    Description = $"The value of the {name} entry.",
                    ReferenceTypes = valueReferenceTypes ?? [],
                },
                Text("display", "A human-readable name, primarily used for display purposes."),
                new SchemaAttribute
                {
                    Name = "type",
                    Description = "A label indicating the attribute's function.",
                    CanonicalValues = typeValues,
                },
                Flag("primary", "A Boolean value indicating the 'primary' or preferred attribute value for this attribute. The primary attribute value 'true' MUST appear no more than once."),
            ],
        };
}
