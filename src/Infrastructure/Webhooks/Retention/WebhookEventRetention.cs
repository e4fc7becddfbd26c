using Microsoft.Extensions.Options;
using ScimClean.Domain.Webhooks;
using ScimClean.Infrastructure.Persistence;

namespace ScimClean.Infrastructure.Webhooks.Retention;

/// <summary>
/// Deletes events older than <c>Webhooks:EventRetentionDays</c> with their finished deliveries. An old event is
/// kept while one of its deliveries is unfinished (pending or in flight), and the newest event of each resource is
/// kept so that the per-resource <c>sequence</c> continues instead of starting again at 1.
/// </summary>
internal sealed class WebhookEventRetention(ScimCleanDbContext dbContext, IOptions<WebhookRetentionOptions> options, TimeProvider clock)
{
    /// <summary>Runs one cleanup; returns the number of events deleted.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(Math.Max(1, options.Value.EventRetentionDays));
        var events = dbContext.WebhookEvents;
        var deliveries = dbContext.WebhookDeliveries;

        await WriteGate.RunAsync(
            dbContext,
            () => deliveries
                .Where(delivery => (delivery.Status == DeliveryStatus.Succeeded || delivery.Status == DeliveryStatus.Failed)
                    && events.Any(webhookEvent => webhookEvent.Position == delivery.EventPosition && webhookEvent.OccurredAt < cutoff))
                .ExecuteDeleteAsync(cancellationToken),
            cancellationToken);

        return await WriteGate.RunAsync(
            dbContext,
            () => events
                .Where(webhookEvent => webhookEvent.OccurredAt < cutoff
                    && !deliveries.Any(delivery => delivery.EventPosition == webhookEvent.Position)
                    && (webhookEvent.ResourceId == null
                        || events.Any(newer => newer.ResourceId == webhookEvent.ResourceId && newer.Sequence > webhookEvent.Sequence)))
                .ExecuteDeleteAsync(cancellationToken),
            cancellationToken);
    }
}
