namespace ScimClean.Application.Audit;

/// <summary>A page of the audit log, newest first; <c>NextCursor</c> (pass it as <c>after</c>) is null on the last page.</summary>
public sealed record AuditLogPage(IReadOnlyList<AuditEntryView> Data, string? NextCursor, bool HasMore);
