namespace ScimClean.Application.Scim.Schemas;

/// <summary>How the service provider enforces uniqueness of a value (RFC 7643 §7, "uniqueness").</summary>
public enum Uniqueness
{
    None,
    Server,
    Global,
}
