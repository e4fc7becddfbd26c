using ScimClean.Application.Webhooks.Events;

namespace ScimClean.Infrastructure.Persistence.Repositories;

internal sealed class OrganizationDomainLookup(ScimCleanDbContext dbContext) : IOrganizationDomainLookup
{
    public async Task<string?> FindDomainAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        // An organization created in this same unit of work is only in the change tracker.
        var tracked = dbContext.Organizations.Local.FirstOrDefault(organization => organization.Id == organizationId);
        return tracked?.Domain ?? await dbContext.Organizations
            .Where(organization => organization.Id == organizationId)
            .Select(organization => organization.Domain)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
