using ScimClean.Domain.Webhooks;
using ScimClean.Infrastructure.Persistence;

namespace ScimClean.Infrastructure.Webhooks.Dispatching;

/// <summary>
/// Claims with portable SQL: reads the due candidates, then leases each with an UPDATE that repeats the
/// whole due condition. Of two dispatchers racing for a row only one UPDATE matches it (the other finds it in
/// flight with a running lease), so a delivery is never sent twice while its lease runs. Used for SQLite,
/// whose writers are serialized anyway.
/// </summary>
internal sealed class OptimisticDeliveryClaimer(ScimCleanDbContext dbContext) : IDeliveryClaimer
{
    public async Task<IReadOnlyList<Guid>> ClaimAsync(
        DateTimeOffset now, TimeSpan lease, int maxCount, CancellationToken cancellationToken)
    {
        var candidates = await DueDeliveries.Query(dbContext, now)
            .OrderBy(delivery => delivery.NextAttemptAt)
            .ThenBy(delivery => delivery.EventPosition)
            .Select(delivery => delivery.Id)
            .Take(maxCount)
            .ToListAsync(cancellationToken);

        DateTimeOffset? leaseExpiresAt = now + lease;
        var claimed = new List<Guid>(candidates.Count);
        foreach (var id in candidates)
        {
            var updated = await WriteGate.RunAsync(
                dbContext,
                () => DueDeliveries.Query(dbContext, now)
                    .Where(delivery => delivery.Id == id)
                    .ExecuteUpdateAsync(
                        setters => setters
                            .SetProperty(delivery => delivery.Status, DeliveryStatus.InFlight)
                            .SetProperty(delivery => delivery.LeaseExpiresAt, leaseExpiresAt),
                        cancellationToken),
                cancellationToken);
            if (updated == 1)
            {
                claimed.Add(id);
            }
        }

        return claimed;
    }
}
