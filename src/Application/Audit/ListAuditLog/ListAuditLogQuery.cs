namespace ScimClean.Application.Audit.ListAuditLog;

/// <summary>The whole audit log, newest first; optionally one organization's entries (also after it was deleted) or one action.</summary>
public sealed record ListAuditLogQuery(string? After, int? Limit, string? Organization, string? Action) : IQuery<Result<AuditLogPage>>;
