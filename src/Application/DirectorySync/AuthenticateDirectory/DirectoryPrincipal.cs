namespace ScimClean.Application.DirectorySync.AuthenticateDirectory;

/// <summary>The organization whose directory made a SCIM request.</summary>
public sealed record DirectoryPrincipal(Guid OrganizationId, string Domain);
