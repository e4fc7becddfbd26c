namespace ScimClean.Api.ScimErrors;

public static class ScimContentTypes
{
    public const string Scim = "application/scim+json";
    public const string ScimUtf8 = "application/scim+json; charset=utf-8";
}
