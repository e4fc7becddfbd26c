using ScimClean.Api.Auth;
using ScimClean.Api.Common;

namespace ScimClean.Api.Endpoints.Scim;

/// <summary>What every SCIM endpoint needs from the request: the authenticated organization and its base URL.</summary>
public sealed record ScimRequestContext(Guid OrganizationId, string ScimBaseUrl)
{
    public static ScimRequestContext From(HttpContext http)
    {
        var directory = http.User.GetDirectory();
        var configuration = http.RequestServices.GetRequiredService<IConfiguration>();
        return new ScimRequestContext(
            directory.OrganizationId,
            Application.DirectorySync.ScimBaseUrl.For(PublicBaseUrl.For(http.Request, configuration), directory.Domain));
    }
}
