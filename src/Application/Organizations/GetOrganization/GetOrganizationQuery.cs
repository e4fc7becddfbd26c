namespace ScimClean.Application.Organizations.GetOrganization;

public sealed record GetOrganizationQuery(string Domain) : IQuery<Result<OrganizationResponse>>;
