namespace ScimClean.Api.Common;

/// <summary>The base of the tenant URLs handed out: Scim:PublicBaseUrl, else the request's own scheme and host.</summary>
public static class PublicBaseUrl
{
    public static string For(HttpRequest request, IConfiguration configuration)
    {
        var configured = configuration["Scim:PublicBaseUrl"];
        return string.IsNullOrWhiteSpace(configured)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : configured.TrimEnd('/');
    }
}
