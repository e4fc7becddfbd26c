using ScimClean.Domain.Organizations;

namespace ScimClean.Application.Organizations;

internal static class OrganizationRepositoryExtensions
{
    /// <summary>Looks an organization up by a domain as a caller typed it (any case, unicode or punycode).</summary>
    public static async Task<Organization?> FindAsync(
        this IOrganizationRepository organizations,
        string domain,
        CancellationToken cancellationToken)
    {
        var normalized = OrganizationDomain.Normalize(domain);
        return normalized.IsFailure
            ? null
            : await organizations.FindByDomainAsync(normalized.Value, cancellationToken);
    }
}
