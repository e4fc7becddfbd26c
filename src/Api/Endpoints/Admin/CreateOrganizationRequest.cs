namespace ScimClean.Api.Endpoints.Admin;

public sealed record CreateOrganizationRequest(string? Domain, string? Name);
