using ScimClean.Application.Audit;
using ScimClean.Domain.Audit;

namespace ScimClean.Infrastructure.Persistence.Queries;

internal sealed class AuditLogQueries(ScimCleanDbContext dbContext) : IAuditLogQueries
{
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(
        long? beforePosition,
        string? organization,
        string? actionPattern,
        int take,
        CancellationToken cancellationToken)
    {
        var entries = dbContext.AuditLog.AsNoTracking();
        if (beforePosition is { } before)
        {
            entries = entries.Where(entry => entry.Position < before);
        }

        if (organization is not null)
        {
            entries = entries.Where(entry => entry.Organization == organization);
        }

        if (actionPattern is not null && actionPattern != "*")
        {
            if (actionPattern.EndsWith(".*", StringComparison.Ordinal))
            {
                var prefix = actionPattern[..^1];
                entries = entries.Where(entry => entry.Action.StartsWith(prefix));
            }
            else
            {
                entries = entries.Where(entry => entry.Action == actionPattern);
            }
        }

        return await entries.OrderByDescending(entry => entry.Position).Take(take).ToListAsync(cancellationToken);
    }
}
