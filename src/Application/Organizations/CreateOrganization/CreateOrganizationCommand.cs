namespace ScimClean.Application.Organizations.CreateOrganization;

public sealed record CreateOrganizationCommand(string? Domain, string? Name) : ICommand<Result<OrganizationResponse>>;
