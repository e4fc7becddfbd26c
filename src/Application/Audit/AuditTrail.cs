using ScimClean.Domain.Audit;

namespace ScimClean.Application.Audit;

internal sealed class AuditTrail(IAuditLog log, IAuditActor actor, TimeProvider clock) : IAuditTrail
{
    public void Record(string action, string? organization, string? target, string? detail = null)
    {
        var entry = AuditEntry.Record(action, actor.Name, organization, target, detail, clock.GetUtcNow());
        if (entry.IsFailure)
        {
            // The use cases pass constants and ids: an invalid entry is a bug, and the action must not commit without it.
            throw new InvalidOperationException($"invalid audit entry: {entry.Error!.Description}");
        }

        log.Add(entry.Value);
    }
}
