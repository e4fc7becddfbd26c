using ScimClean.Application.Webhooks;
using ScimClean.Domain.Webhooks;

namespace ScimClean.Infrastructure.Persistence.Queries;

internal sealed class WebhookDeliveryQueries(ScimCleanDbContext dbContext) : IWebhookDeliveryQueries
{
    public async Task<IReadOnlyList<DeliveryWithEventType>> ListAsync(
        Guid endpointId,
        DeliveryStatus? status,
        DeliveryPageKey? after,
        int take,
        CancellationToken cancellationToken)
    {
        var deliveries = dbContext.WebhookDeliveries.AsNoTracking().Where(delivery => delivery.EndpointId == endpointId);
        if (status is { } wanted)
        {
            deliveries = deliveries.Where(delivery => delivery.Status == wanted);
        }

        if (after is not null)
        {
            // Keyset paging, newest first: strictly older than the last row of the previous page.
            var createdAt = after.CreatedAt;
            var position = after.EventPosition;
            var id = after.Id;
            deliveries = deliveries.Where(delivery =>
                delivery.CreatedAt < createdAt
                || (delivery.CreatedAt == createdAt
                    && (delivery.EventPosition < position
                        || (delivery.EventPosition == position && delivery.Id.CompareTo(id) < 0))));
        }

        var rows = await deliveries
            .Join(
                dbContext.WebhookEvents,
                delivery => delivery.EventPosition,
                webhookEvent => webhookEvent.Position,
                (delivery, webhookEvent) => new { Delivery = delivery, webhookEvent.Type })
            .OrderByDescending(row => row.Delivery.CreatedAt)
            .ThenByDescending(row => row.Delivery.EventPosition)
            .ThenByDescending(row => row.Delivery.Id)
            .Take(take)
            .ToListAsync(cancellationToken);
        return rows.Select(row => new DeliveryWithEventType(row.Delivery, row.Type)).ToList();
    }
}
