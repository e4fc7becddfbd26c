namespace ScimClean.Application.Scim.Schemas;

/// <summary>SCIM attribute data types (RFC 7643 §2.3).</summary>
#pragma warning disable CA1720 // Member names are the RFC 7643 data type names ("string", "decimal", "integer").
public enum ScimAttributeType
{
    String,
    Boolean,
    Decimal,
    Integer,
    DateTime,
    Binary,
    Reference,
    Complex,
}
#pragma warning restore CA1720
