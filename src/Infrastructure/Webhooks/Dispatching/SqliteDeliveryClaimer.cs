using ScimClean.Domain.Webhooks;
using ScimClean.Infrastructure.Persistence;

namespace ScimClean.Infrastructure.Webhooks.Dispatching;

/// <summary>
/// Claims a batch with <c>UPDATE … WHERE Id IN (SELECT … LIMIT n)</c> statements built from <see cref="DueDeliveries"/>:
/// deliveries whose lease ended first (there are rarely any), then pending ones into what is left of the batch.
/// SQLite runs one writer at a time and a statement is atomic, so the candidates cannot change between the select
/// and the update: no row is claimed twice.
/// </summary>
internal sealed class SqliteDeliveryClaimer(ScimCleanDbContext dbContext) : IDeliveryClaimer
{
    public async Task<DeliveryClaim> ClaimAsync(
        DateTimeOffset now, TimeSpan lease, int maxCount, CancellationToken cancellationToken)
    {
        // Most rounds find nothing (every poll, every commit's wake-up): reads, which WAL lets run beside the writer,
        // answer that without queueing on the write gate behind the API's writes.
        var endedLeases = await DueDeliveries.WithEndedLease(dbContext, now).AnyAsync(cancellationToken);
        if (!endedLeases && !await DueDeliveries.Pending(dbContext, now).AnyAsync(cancellationToken))
        {
            return new DeliveryClaim(Guid.Empty, 0);
        }

        var token = Guid.NewGuid();
        var claimed = endedLeases ? await UpdateAsync(EndedLeasesInOrder(now), maxCount, now + lease, token, cancellationToken) : 0;
        if (claimed < maxCount)
        {
            claimed += await UpdateAsync(PendingInOrder(now), maxCount - claimed, now + lease, token, cancellationToken);
        }

        return new DeliveryClaim(token, claimed);
    }

    public async Task PrepareAsync(DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid();
        await UpdateAsync(EndedLeasesInOrder(now), 0, now + lease, token, cancellationToken);
        await UpdateAsync(PendingInOrder(now), 0, now + lease, token, cancellationToken);
    }

    private IQueryable<WebhookDelivery> EndedLeasesInOrder(DateTimeOffset now) =>
        DueDeliveries.WithEndedLease(dbContext, now).OrderBy(delivery => delivery.LeaseExpiresAt);

    // By NextAttemptAt alone, so that SQLite reads the index in order and stops at the batch (see DueDeliveries.Pending).
    // Deliveries due at the same instant come in the index's insertion order; the order of one resource's events does
    // not rest on this sort but on the ordering rule in the query.
    private IQueryable<WebhookDelivery> PendingInOrder(DateTimeOffset now) =>
        DueDeliveries.Pending(dbContext, now).OrderBy(delivery => delivery.NextAttemptAt);

    /// <summary>One claim statement; every value is a parameter, so the statement compiled for one call serves all.</summary>
    private Task<int> UpdateAsync(
        IQueryable<WebhookDelivery> dueInOrder, int maxCount, DateTimeOffset leaseEnd, Guid claimToken, CancellationToken cancellationToken)
    {
        var due = dueInOrder.Select(delivery => delivery.Id).Take(maxCount);
        Guid? token = claimToken;
        DateTimeOffset? leaseExpiresAt = leaseEnd;
        return WriteGate.RunAsync(
            dbContext,
            () => dbContext.WebhookDeliveries
                .Where(delivery => due.Contains(delivery.Id))
                .ExecuteUpdateAsync(
                    setters => setters
                        .SetProperty(delivery => delivery.Status, DeliveryStatus.InFlight)
                        .SetProperty(delivery => delivery.LeaseExpiresAt, leaseExpiresAt)
                        .SetProperty(delivery => delivery.LeaseToken, token),
                    cancellationToken),
            cancellationToken);
    }
}
