using System.Collections.Concurrent;
using ScimClean.Application.Webhooks.Events;

namespace ScimClean.Infrastructure.Persistence.Repositories;

internal sealed class OrganizationDomainLookup(ScimCleanDbContext dbContext) : IOrganizationDomainLookup
{
    private const int MaxRemembered = 10_000;

    // An organization's domain never changes and its id is never reused, so a domain once read stays right for the
    // life of the process: each event of a SCIM write would otherwise read it again.
    private static readonly ConcurrentDictionary<Guid, string> Known = new();

    public async Task<string?> FindDomainAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        if (Known.TryGetValue(organizationId, out var known))
        {
            return known;
        }

        // An organization created in this same unit of work is only in the change tracker.
        var tracked = dbContext.Organizations.Local.FirstOrDefault(organization => organization.Id == organizationId);
        var domain = tracked?.Domain ?? await dbContext.Organizations
            .Where(organization => organization.Id == organizationId)
            .Select(organization => organization.Domain)
            .FirstOrDefaultAsync(cancellationToken);
        if (domain is not null && tracked is null && Known.Count < MaxRemembered)
        {
            Known.TryAdd(organizationId, domain);
        }

        return domain;
    }
}
