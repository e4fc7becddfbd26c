namespace ScimClean.Application.Scim.Resources;

/// <summary>"scimType" detail error keywords (RFC 7644 §3.12) produced by resource processing and PATCH.</summary>
public static class ScimErrorTypes
{
    public const string InvalidValue = "invalidValue";
    public const string InvalidSyntax = "invalidSyntax";
    public const string Mutability = "mutability";
    public const string InvalidPath = "invalidPath";
    public const string NoTarget = "noTarget";
    public const string InvalidFilter = "invalidFilter";
    public const string TooMany = "tooMany";
}
