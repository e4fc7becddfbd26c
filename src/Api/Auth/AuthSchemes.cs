namespace ScimClean.Api.Auth;

public static class AuthSchemes
{
    public const string AdminApiKey = "AdminApiKey";
    public const string DirectoryToken = "DirectoryToken";
}
