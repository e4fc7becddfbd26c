using ScimClean.Application.Organizations;
using ScimClean.Domain.Organizations;

namespace ScimClean.Infrastructure.Persistence.Repositories;

internal sealed class OrganizationRepository(ScimCleanDbContext dbContext) : IOrganizationRepository
{
    public Task<Organization?> FindByDomainAsync(string normalizedDomain, CancellationToken cancellationToken) =>
        dbContext.Organizations.FirstOrDefaultAsync(organization => organization.Domain == normalizedDomain, cancellationToken);

    public Task<bool> DomainExistsAsync(string normalizedDomain, CancellationToken cancellationToken) =>
        dbContext.Organizations.AnyAsync(organization => organization.Domain == normalizedDomain, cancellationToken);

    public async Task<IReadOnlyList<Organization>> ListAsync(CancellationToken cancellationToken) =>
        await dbContext.Organizations.AsNoTracking().OrderBy(organization => organization.Domain).ToListAsync(cancellationToken);

    public void Add(Organization organization) => dbContext.Organizations.Add(organization);

    public Task RemoveAsync(Organization organization, CancellationToken cancellationToken)
    {
        // Directory rows go with the organization through cascading foreign keys.
        dbContext.Organizations.Remove(organization);
        return Task.CompletedTask;
    }
}
