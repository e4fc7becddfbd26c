using ScimClean.Domain.Organizations;

namespace ScimClean.Application.Organizations;

public interface IOrganizationRepository
{
    /// <summary>The organization with its directory tokens, tracked for changes.</summary>
    Task<Organization?> FindByDomainAsync(string normalizedDomain, CancellationToken cancellationToken);

    Task<bool> DomainExistsAsync(string normalizedDomain, CancellationToken cancellationToken);

    Task<IReadOnlyList<Organization>> ListAsync(CancellationToken cancellationToken);

    void Add(Organization organization);

    /// <summary>Removes the organization and, with it, all of its directory data.</summary>
    Task RemoveAsync(Organization organization, CancellationToken cancellationToken);
}
