using ScimClean.Domain.Webhooks;

namespace ScimClean.Application.Webhooks;

/// <summary>Reads an endpoint's deliveries for the admin API, newest first.</summary>
public interface IWebhookDeliveryQueries
{
    /// <summary>
    /// Up to <paramref name="take"/> deliveries of the endpoint, ordered by (CreatedAt, EventPosition, Id) descending,
    /// strictly after <paramref name="after"/> in that order when given; each with its event's type.
    /// </summary>
    Task<IReadOnlyList<DeliveryWithEventType>> ListAsync(
        Guid endpointId,
        DeliveryStatus? status,
        DeliveryPageKey? after,
        int take,
        CancellationToken cancellationToken);
}
