using System.Security.Claims;
using ScimClean.Application.DirectorySync.AuthenticateDirectory;

namespace ScimClean.Api.Auth;

/// <summary>Carries the authenticated organization from the SCIM token check to the endpoints.</summary>
public static class DirectoryClaims
{
    public const string OrganizationId = "scimclean:organization_id";
    public const string Domain = "scimclean:organization_domain";

    public static ClaimsPrincipal ToPrincipal(DirectoryPrincipal directory) =>
        new(new ClaimsIdentity(
            [new Claim(OrganizationId, directory.OrganizationId.ToString()), new Claim(Domain, directory.Domain)],
            AuthSchemes.DirectoryToken));

    public static DirectoryPrincipal GetDirectory(this ClaimsPrincipal user) => new(
        Guid.Parse(user.FindFirstValue(OrganizationId)
            ?? throw new InvalidOperationException("the request was not authenticated with a directory token")),
        user.FindFirstValue(Domain)!);
}
