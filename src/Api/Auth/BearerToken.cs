using Microsoft.Net.Http.Headers;

namespace ScimClean.Api.Auth;

internal static class BearerToken
{
    private const string Scheme = "Bearer ";

    /// <summary>Reads "Authorization: Bearer &lt;token&gt;"; the scheme name is case-insensitive (RFC 6750).</summary>
    public static bool TryRead(HttpRequest request, out string token)
    {
        token = string.Empty;
        var header = request.Headers[HeaderNames.Authorization].ToString();
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        token = header[Scheme.Length..].Trim();
        return token.Length > 0;
    }
}
