using ScimClean.Domain.Webhooks;
using ScimClean.Infrastructure.Persistence;

namespace ScimClean.Infrastructure.Webhooks.Dispatching;

/// <summary>
/// Claims a batch with one <c>UPDATE … WHERE Id IN (SELECT … LIMIT n)</c> built from <see cref="DueDeliveries"/>.
/// SQLite runs one writer at a time and a statement is atomic, so the candidates cannot change between the select
/// and the update: no row is claimed twice, and the whole batch costs one trip through the write gate.
/// </summary>
internal sealed class SqliteDeliveryClaimer(ScimCleanDbContext dbContext) : IDeliveryClaimer
{
    public async Task<DeliveryClaim> ClaimAsync(
        DateTimeOffset now, TimeSpan lease, int maxCount, CancellationToken cancellationToken)
    {
        if (!await DueDeliveries.Query(dbContext, now).AnyAsync(cancellationToken))
        {
            // Most rounds find nothing (every poll, every commit's wake-up): a read, which WAL lets run beside the
            // writer, answers that without queueing on the write gate behind the API's writes.
            return new DeliveryClaim(Guid.Empty, 0);
        }

        var token = Guid.NewGuid();
        return new DeliveryClaim(token, await UpdateAsync(now, lease, maxCount, token, cancellationToken));
    }

    public Task PrepareAsync(DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        UpdateAsync(now, lease, 0, Guid.NewGuid(), cancellationToken);

    /// <summary>The claim statement; every value is a parameter, so the statement compiled for one call serves all.</summary>
    private Task<int> UpdateAsync(DateTimeOffset now, TimeSpan lease, int maxCount, Guid claimToken, CancellationToken cancellationToken)
    {
        Guid? token = claimToken;
        DateTimeOffset? leaseExpiresAt = now + lease;
        var due = DueDeliveries.Query(dbContext, now)
            .OrderBy(delivery => delivery.NextAttemptAt)
            .ThenBy(delivery => delivery.EventPosition)
            .Select(delivery => delivery.Id)
            .Take(maxCount);
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
