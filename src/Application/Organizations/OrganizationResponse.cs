using ScimClean.Domain.Organizations;

namespace ScimClean.Application.Organizations;

public sealed record OrganizationResponse(Guid Id, string Domain, string Name, DateTimeOffset CreatedAt, bool DirectorySyncEnabled)
{
    public static OrganizationResponse From(Organization organization) => new(
        organization.Id,
        organization.Domain,
        organization.Name,
        organization.CreatedAt,
        organization.DirectorySyncEnabled);
}
