using ScimClean.Domain.Webhooks;
using ScimClean.Infrastructure.Persistence;

namespace ScimClean.Infrastructure.Webhooks.Dispatching;

/// <summary>
/// Claims a batch on PostgreSQL with one statement whose inner select locks its candidates
/// <c>FOR UPDATE SKIP LOCKED</c>: dispatchers of several instances claiming at the same moment take disjoint sets
/// instead of waiting for each other, and a row another claim changed meanwhile is re-checked against the due
/// condition after its lock (READ COMMITTED re-evaluation) and dropped when it no longer qualifies.
/// </summary>
/// <remarks>
/// The WHERE clause is <see cref="DueDeliveries"/> written in SQL (EF cannot emit row locks); the claimer tests run
/// the same cases against both claimers so the two stay the same. The ordering condition reads the statement's
/// snapshot: an earlier event of the resource that is pending or in flight there keeps the later one back, and one
/// that has succeeded there has committed its success, so a later event is never claimable before that is durable.
/// </remarks>
internal sealed class PostgresDeliveryClaimer(ScimCleanDbContext dbContext) : IDeliveryClaimer
{
    public async Task<DeliveryClaim> ClaimAsync(
        DateTimeOffset now, TimeSpan lease, int maxCount, CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid();
        return new DeliveryClaim(token, await UpdateAsync(now, lease, maxCount, token, cancellationToken));
    }

    public Task PrepareAsync(DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        UpdateAsync(now, lease, 0, Guid.NewGuid(), cancellationToken);

    private async Task<int> UpdateAsync(DateTimeOffset now, TimeSpan lease, int maxCount, Guid token, CancellationToken cancellationToken)
    {
        var at = now.UtcDateTime;
        var leaseExpiresAt = (now + lease).UtcDateTime;
        const string pending = nameof(DeliveryStatus.Pending);
        const string inFlight = nameof(DeliveryStatus.InFlight);
        var ids = await dbContext.Database.SqlQuery<Guid>($"""
            UPDATE "WebhookDeliveries" AS claimed
            SET "Status" = {inFlight}, "LeaseExpiresAt" = {leaseExpiresAt}, "LeaseToken" = {token}
            WHERE claimed."Id" IN (
                SELECT due."Id"
                FROM "WebhookDeliveries" AS due
                WHERE ((due."Status" = {pending} AND due."NextAttemptAt" <= {at})
                        OR (due."Status" = {inFlight} AND due."LeaseExpiresAt" < {at}))
                    AND EXISTS (
                        SELECT 1 FROM "WebhookEndpoints" AS endpoint
                        WHERE endpoint."Id" = due."EndpointId" AND endpoint."Enabled")
                    AND NOT (due."OrderingKey" IS NOT NULL AND EXISTS (
                        SELECT 1 FROM "WebhookDeliveries" AS earlier
                        WHERE earlier."EndpointId" = due."EndpointId"
                            AND earlier."OrderingKey" = due."OrderingKey"
                            AND earlier."EventPosition" < due."EventPosition"
                            AND earlier."Status" IN ({pending}, {inFlight})))
                ORDER BY due."NextAttemptAt", due."EventPosition"
                LIMIT {maxCount}
                FOR UPDATE OF due SKIP LOCKED)
            RETURNING claimed."Id" AS "Value"
            """).ToListAsync(cancellationToken);
        return ids.Count;
    }
}
