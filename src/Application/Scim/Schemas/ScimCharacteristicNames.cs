namespace ScimClean.Application.Scim.Schemas;

/// <summary>The RFC 7643 §7 spellings of attribute characteristics ("dateTime", "readOnly", ...).</summary>
public static class ScimCharacteristicNames
{
    public static string ToScimName(this ScimAttributeType type) => type switch
    {
        ScimAttributeType.String => "string",
        ScimAttributeType.Boolean => "boolean",
        ScimAttributeType.Decimal => "decimal",
        ScimAttributeType.Integer => "integer",
        ScimAttributeType.DateTime => "dateTime",
        ScimAttributeType.Binary => "binary",
        ScimAttributeType.Reference => "reference",
        ScimAttributeType.Complex => "complex",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static string ToScimName(this Mutability mutability) => mutability switch
    {
        Mutability.ReadOnly => "readOnly",
        Mutability.ReadWrite => "readWrite",
        Mutability.Immutable => "immutable",
        Mutability.WriteOnly => "writeOnly",
        _ => throw new ArgumentOutOfRangeException(nameof(mutability), mutability, null),
    };

    public static string ToScimName(this Returned returned) => returned switch
    {
        Returned.Always => "always",
        Returned.Never => "never",
        Returned.Default => "default",
        Returned.Request => "request",
        _ => throw new ArgumentOutOfRangeException(nameof(returned), returned, null),
    };

    public static string ToScimName(this Uniqueness uniqueness) => uniqueness switch
    {
        Uniqueness.None => "none",
        Uniqueness.Server => "server",
        Uniqueness.Global => "global",
        _ => throw new ArgumentOutOfRangeException(nameof(uniqueness), uniqueness, null),
    };
}
