using ScimClean.Domain.Audit;

namespace ScimClean.Application.Audit;

/// <summary>An audit entry as the admin API shows it.</summary>
public sealed record AuditEntryView(
    Guid Id,
    DateTimeOffset OccurredAt,
    string? Organization,
    string Action,
    string Actor,
    string? Target,
    string? Detail)
{
    public static AuditEntryView From(AuditEntry entry) =>
        new(entry.Id, entry.OccurredAt, entry.Organization, entry.Action, entry.Actor, entry.Target, entry.Detail);
}
