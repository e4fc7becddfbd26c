namespace ScimClean.Application.Scim.Schemas;

/// <summary>Whether and how an attribute can be modified (RFC 7643 §7, "mutability").</summary>
public enum Mutability
{
    ReadWrite,
    ReadOnly,
    Immutable,
    WriteOnly,
}
