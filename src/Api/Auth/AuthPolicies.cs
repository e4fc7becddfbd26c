namespace ScimClean.Api.Auth;

public static class AuthPolicies
{
    public const string Admin = "Admin";
    public const string Directory = "Directory";
}
