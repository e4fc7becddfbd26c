using ScimClean.Api.Auth;
using ScimClean.Api.RateLimiting;

namespace ScimClean.Api.Endpoints.Scim;

public static class ScimRoutes
{
    public const string Prefix = "/org/{" + DirectoryTokenAuthenticationHandler.DomainRouteValue + "}/scim/v2";

    /// <summary>The SCIM group of an organization: every route in it requires that organization's token.</summary>
    public static RouteGroupBuilder MapScimGroup(this IEndpointRouteBuilder app)
    {
        var scim = app.MapGroup(Prefix)
            .RequireAuthorization(AuthPolicies.Directory)
            .RequireRateLimiting(RateLimitingServiceCollectionExtensions.ScimPolicy)
            .ExcludeFromDescription();

        // Unmapped paths and methods get their SCIM 404/405 body from StatusCodeBodies.
        scim.MapUsersEndpoints();
        scim.MapGroupsEndpoints();
        scim.MapDiscoveryEndpoints();
        return scim;
    }
}
