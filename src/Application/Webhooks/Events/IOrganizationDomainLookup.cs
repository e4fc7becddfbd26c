namespace ScimClean.Application.Webhooks.Events;

/// <summary>Looks up an organization's domain by id (events name the organization by its domain).</summary>
public interface IOrganizationDomainLookup
{
    Task<string?> FindDomainAsync(Guid organizationId, CancellationToken cancellationToken);
}
