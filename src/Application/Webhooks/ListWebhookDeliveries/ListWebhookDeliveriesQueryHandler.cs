using ScimClean.Domain.Webhooks;

namespace ScimClean.Application.Webhooks.ListWebhookDeliveries;

internal sealed class ListWebhookDeliveriesQueryHandler(IWebhookEndpointRepository endpoints, IWebhookDeliveryQueries deliveries)
    : IQueryHandler<ListWebhookDeliveriesQuery, Result<WebhookDeliveryPage>>
{
    public async ValueTask<Result<WebhookDeliveryPage>> Handle(ListWebhookDeliveriesQuery query, CancellationToken cancellationToken)
    {
        if (await endpoints.FindAsync(query.EndpointId, cancellationToken) is null)
        {
            return WebhookErrors.EndpointNotFound(query.EndpointId);
        }

        DeliveryPageKey? after = null;
        if (query.After is not null && DeliveryCursor.TryDecode(query.After, out var key))
        {
            after = key;
        }

        var limit = query.Limit ?? WebhookPageLimits.DefaultLimit;
        var rows = await deliveries.ListAsync(
            query.EndpointId, DeliveryStatusNames.Parse(query.Status), after, limit + 1, cancellationToken);
        var page = rows.Take(limit).ToList();
        var hasMore = rows.Count > limit;
        var last = page.LastOrDefault()?.Delivery;
        var nextCursor = hasMore && last is not null
            ? DeliveryCursor.Encode(new DeliveryPageKey(last.CreatedAt, last.EventPosition, last.Id))
            : null;
        return new WebhookDeliveryPage(
            page.Select(row => WebhookDeliveryView.From(row.Delivery, row.EventType)).ToList(), nextCursor, hasMore);
    }
}
