using ScimClean.Application.Audit;
using ScimClean.Domain.Audit;

namespace ScimClean.Infrastructure.Persistence.Repositories;

/// <summary>Adds entries to the request's DbContext: the unit of work saves them with the action, in one transaction.</summary>
internal sealed class AuditLog(ScimCleanDbContext dbContext) : IAuditLog
{
    public void Add(AuditEntry entry) => dbContext.AuditLog.Add(entry);
}
