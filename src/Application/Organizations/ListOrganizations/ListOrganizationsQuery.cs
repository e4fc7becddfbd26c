namespace ScimClean.Application.Organizations.ListOrganizations;

public sealed record ListOrganizationsQuery : IQuery<IReadOnlyList<OrganizationResponse>>;
