namespace ScimClean.Application.Organizations.DeleteOrganization;

public sealed record DeleteOrganizationCommand(string Domain) : ICommand<Result>;
