namespace ScimClean.Application.Scim.Schemas;

/// <summary>When an attribute is returned in a response (RFC 7643 §7, "returned").</summary>
public enum Returned
{
    Default,
    Always,
    Never,
    Request,
}
