namespace ScimClean.Application.Scim.Schemas;

/// <summary>An authentication scheme advertised in the ServiceProviderConfig (RFC 7643 §5).</summary>
public sealed record AuthenticationScheme(
    string Type,
    string Name,
    string Description,
    string? SpecUri = null,
    string? DocumentationUri = null,
    bool Primary = false)
{
    public static AuthenticationScheme OAuthBearerToken { get; } = new(
        "oauthbearertoken",
        "OAuth Bearer Token",
        "Authentication scheme using the OAuth Bearer Token Standard",
        SpecUri: "https://www.rfc-editor.org/info/rfc6750",
        Primary: true);
}
