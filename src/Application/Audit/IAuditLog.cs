using ScimClean.Domain.Audit;

namespace ScimClean.Application.Audit;

/// <summary>Where audit entries go: added to the unit of work, so they commit with the action or not at all.</summary>
public interface IAuditLog
{
    void Add(AuditEntry entry);
}
