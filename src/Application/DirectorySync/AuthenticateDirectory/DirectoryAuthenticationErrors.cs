namespace ScimClean.Application.DirectorySync.AuthenticateDirectory;

internal static class DirectoryAuthenticationErrors
{
    /// <summary>One error for every cause, so a caller learns nothing about which organizations exist.</summary>
    public static readonly Error InvalidCredentials = new(
        "directory.unauthorized",
        "the bearer token is missing, invalid or revoked for this SCIM endpoint",
        ErrorKind.Unauthorized);
}
