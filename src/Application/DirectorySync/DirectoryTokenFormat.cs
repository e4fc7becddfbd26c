namespace ScimClean.Application.DirectorySync;

internal static class DirectoryTokenFormat
{
    /// <summary>Prefix that makes a leaked token recognisable to secret scanners.</summary>
    public const string Prefix = "scim_";
}
