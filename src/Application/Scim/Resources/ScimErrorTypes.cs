namespace ScimClean.Application.Scim.Resources;

/// <summary>"scimType" detail error keywords (RFC 7644 §3.12) produced by resource processing.</summary>
public static class ScimErrorTypes
{
    public const string InvalidValue = "invalidValue";
    public const string InvalidSyntax = "invalidSyntax";
    public const string Mutability = "mutability";
}
