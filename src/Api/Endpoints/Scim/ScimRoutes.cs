using ScimClean.Api.Auth;
using ScimClean.Api.ScimErrors;

namespace ScimClean.Api.Endpoints.Scim;

public static class ScimRoutes
{
    public const string Prefix = "/org/{" + DirectoryTokenAuthenticationHandler.DomainRouteValue + "}/scim/v2";

    /// <summary>The SCIM group of an organization: every route in it requires that organization's token.</summary>
    public static RouteGroupBuilder MapScimGroup(this IEndpointRouteBuilder app)
    {
        var scim = app.MapGroup(Prefix)
            .RequireAuthorization(AuthPolicies.Directory)
            .ExcludeFromDescription();

        // Anything not mapped below the SCIM base is a SCIM 404 (after authentication, so it reveals nothing).
        scim.MapFallback(() => ScimResults.Error(StatusCodes.Status404NotFound, null, "no such SCIM endpoint"));
        scim.MapUsersEndpoints();
        scim.MapGroupsEndpoints();
        scim.MapDiscoveryEndpoints();
        return scim;
    }
}
