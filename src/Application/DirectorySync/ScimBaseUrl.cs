namespace ScimClean.Application.DirectorySync;

public static class ScimBaseUrl
{
    /// <summary>The tenant URL of an organization: {public base}/org/{domain}/scim/v2.</summary>
    public static string For(string publicBaseUrl, string domain) =>
        $"{publicBaseUrl.TrimEnd('/')}/org/{Uri.EscapeDataString(domain)}/scim/v2";
}
