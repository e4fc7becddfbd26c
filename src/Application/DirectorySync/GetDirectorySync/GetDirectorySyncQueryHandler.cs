using ScimClean.Application.Organizations;
using ScimClean.Domain.Organizations;

namespace ScimClean.Application.DirectorySync.GetDirectorySync;

internal sealed class GetDirectorySyncQueryHandler(
    IOrganizationRepository organizations,
    TimeProvider clock)
    : IQueryHandler<GetDirectorySyncQuery, Result<DirectorySyncStatus>>
{
    public async ValueTask<Result<DirectorySyncStatus>> Handle(GetDirectorySyncQuery query, CancellationToken cancellationToken)
    {
        var organization = await organizations.FindAsync(query.Domain, cancellationToken);
        if (organization is null)
        {
            return OrganizationErrors.NotFound(query.Domain);
        }

        return new DirectorySyncStatus(
            ScimBaseUrl.For(query.PublicBaseUrl, organization.Domain),
            organization.DirectorySyncEnabled ? "enabled" : "disabled",
            organization.DirectorySyncEnabledAt,
            organization.LastScimRequestAt,
            organization.ValidTokens(clock.GetUtcNow()).Count());
    }
}
