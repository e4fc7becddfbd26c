using ScimClean.Domain.Webhooks;
using ScimClean.Infrastructure.Persistence;

namespace ScimClean.Infrastructure.Webhooks.Dispatching;

/// <summary>
/// Which deliveries may be sent now, as a provider-neutral query: pending and due, or in flight with an ended
/// lease (its dispatcher died); of an enabled endpoint; and the oldest unfinished one of its endpoint and
/// resource (per-resource ordering: a later event waits while an earlier one is pending or in flight).
/// </summary>
internal static class DueDeliveries
{
    public static IQueryable<WebhookDelivery> Query(ScimCleanDbContext dbContext, DateTimeOffset now) =>
        dbContext.WebhookDeliveries.Where(delivery =>
            ((delivery.Status == DeliveryStatus.Pending && delivery.NextAttemptAt <= now)
                || (delivery.Status == DeliveryStatus.InFlight && delivery.LeaseExpiresAt < now))
            && dbContext.WebhookEndpoints.Any(endpoint => endpoint.Id == delivery.EndpointId && endpoint.Enabled)
            && !(delivery.OrderingKey != null && dbContext.WebhookDeliveries.Any(earlier =>
                earlier.EndpointId == delivery.EndpointId
                && earlier.OrderingKey == delivery.OrderingKey
                && earlier.EventPosition < delivery.EventPosition
                && (earlier.Status == DeliveryStatus.Pending || earlier.Status == DeliveryStatus.InFlight))));
}
