namespace ScimClean.Application.Audit.ListOrganizationAuditLog;

/// <summary>One existing organization's audit entries, newest first; not found when the organization does not exist.</summary>
public sealed record ListOrganizationAuditLogQuery(string Domain, string? After, int? Limit, string? Action)
    : IQuery<Result<AuditLogPage>>;
