namespace ScimClean.Domain.Organizations;

public static class OrganizationErrors
{
    public static Error InvalidDomain(string reason) =>
        Error.Validation("organization.invalid_domain", reason);

    public static readonly Error NameRequired =
        Error.Validation("organization.name_required", "name is required and has at most 200 characters");

    public static Error DomainTaken(string domain) =>
        Error.Conflict("organization.domain_taken", $"an organization with the domain '{domain}' already exists");

    public static Error NotFound(string domain) =>
        Error.NotFound("organization.not_found", $"no organization has the domain '{domain}'");

    public static readonly Error DirectorySyncAlreadyEnabled = Error.Conflict(
        "directory_sync.already_enabled",
        "directory sync is already enabled for this organization; rotate its token with POST .../directory-sync/token");

    public static readonly Error DirectorySyncNotEnabled = Error.NotFound(
        "directory_sync.not_enabled",
        "directory sync is not enabled for this organization");

    public static readonly Error GracePeriodOutOfRange = Error.Validation(
        "directory_sync.grace_period_out_of_range",
        "gracePeriodSeconds must be between 0 and 604800 (7 days)");
}
