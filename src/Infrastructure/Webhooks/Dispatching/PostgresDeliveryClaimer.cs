using ScimClean.Domain.Webhooks;
using ScimClean.Infrastructure.Persistence;

namespace ScimClean.Infrastructure.Webhooks.Dispatching;

/// <summary>
/// Claims a batch on PostgreSQL with statements whose inner select locks its candidates <c>FOR UPDATE SKIP LOCKED</c>:
/// dispatchers of several instances claiming at the same moment take disjoint sets instead of waiting for each other,
/// and a row another claim changed meanwhile is re-checked against the due condition after its lock (READ COMMITTED
/// re-evaluation) and dropped when it no longer qualifies.
/// </summary>
/// <remarks>
/// <para>
/// Ended leases first, then pending deliveries by <c>NextAttemptAt</c> alone, one statement each, as the SQLite
/// claimer does: each candidate list is read from the <c>(Status, NextAttemptAt)</c> index in order and stops at the
/// batch. One statement with an OR of both kinds and a second sort key (the older shape) had PostgreSQL read and sort
/// every pending delivery on every round: after a replay to ten endpoints, about 1,000 deliveries/s.
/// </para>
/// <para>
/// The WHERE clauses are <see cref="DueDeliveries"/> written in SQL (EF cannot emit row locks); the claimer tests run
/// the same cases against both claimers so the two stay the same. The ordering condition reads the statement's
/// snapshot: an earlier event of the resource that is pending or in flight there keeps the later one back, and one
/// that has succeeded there has committed its success, so a later event is never claimable before that is durable.
/// </para>
/// </remarks>
internal sealed class PostgresDeliveryClaimer(ScimCleanDbContext dbContext) : IDeliveryClaimer
{
    // {0} pending, {1} in flight, {2} now; the same parameters in every statement below.
    private const string Sendable = """
         AND EXISTS (
            SELECT 1 FROM "WebhookEndpoints" AS endpoint
            WHERE endpoint."Id" = due."EndpointId" AND endpoint."Enabled")
        AND NOT (due."OrderingKey" IS NOT NULL AND EXISTS (
            SELECT 1 FROM "WebhookDeliveries" AS earlier
            WHERE earlier."EndpointId" = due."EndpointId"
                AND earlier."OrderingKey" = due."OrderingKey"
                AND earlier."EventPosition" < due."EventPosition"
                AND earlier."Status" IN ({0}, {1})))
        """;

    private const string EndedLeasesInOrder =
        "due.\"Status\" = {1} AND due.\"LeaseExpiresAt\" < {2}" + Sendable + " ORDER BY due.\"LeaseExpiresAt\"";

    // Deliveries due at the same instant (a replay's) come in the index's order; the order of one resource's events
    // does not rest on this sort but on the ordering condition.
    private const string PendingInOrder =
        "due.\"Status\" = {0} AND due.\"NextAttemptAt\" <= {2}" + Sendable + " ORDER BY due.\"NextAttemptAt\"";

    public async Task<DeliveryClaim> ClaimAsync(
        DateTimeOffset now, TimeSpan lease, int maxCount, CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid();
        var claimed = await UpdateAsync(EndedLeasesInOrder, now, lease, maxCount, token, cancellationToken);
        if (claimed < maxCount)
        {
            claimed += await UpdateAsync(PendingInOrder, now, lease, maxCount - claimed, token, cancellationToken);
        }

        return new DeliveryClaim(token, claimed);
    }

    public async Task PrepareAsync(DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid();
        await UpdateAsync(EndedLeasesInOrder, now, lease, 0, token, cancellationToken);
        await UpdateAsync(PendingInOrder, now, lease, 0, token, cancellationToken);
    }

    private async Task<int> UpdateAsync(
        string candidatesInOrder, DateTimeOffset now, TimeSpan lease, int maxCount, Guid token, CancellationToken cancellationToken)
    {
        var sql = """
            UPDATE "WebhookDeliveries" AS claimed
            SET "Status" = {1}, "LeaseExpiresAt" = {3}, "LeaseToken" = {4}
            WHERE claimed."Id" IN (
                SELECT due."Id"
                FROM "WebhookDeliveries" AS due
                WHERE
            """ + " " + candidatesInOrder + """

                LIMIT {5}
                FOR UPDATE OF due SKIP LOCKED)
            RETURNING claimed."Id" AS "Value"
            """;
        var ids = await dbContext.Database.SqlQueryRaw<Guid>(
                sql,
                nameof(DeliveryStatus.Pending),
                nameof(DeliveryStatus.InFlight),
                now.UtcDateTime,
                (now + lease).UtcDateTime,
                token,
                maxCount)
            .ToListAsync(cancellationToken);
        return ids.Count;
    }
}
