using ScimClean.Domain.Webhooks;

namespace ScimClean.Application.Webhooks.ListWebhookDeliveries;

/// <summary>One delivery as the admin API shows it; <c>nextAttemptAt</c> only while it is unfinished.</summary>
public sealed record WebhookDeliveryView(
    Guid Id,
    Guid EndpointId,
    string EventId,
    string EventType,
    string Status,
    int Attempts,
    int? LastStatusCode,
    string? LastError,
    int? LatencyMs,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt)
{
    public static WebhookDeliveryView From(WebhookDelivery delivery, string eventType) => new(
        delivery.Id,
        delivery.EndpointId,
        delivery.EventId,
        eventType,
        DeliveryStatusNames.ToName(delivery.Status),
        delivery.Attempts,
        delivery.LastStatusCode,
        delivery.LastError,
        delivery.LastLatencyMs,
        delivery.Status is DeliveryStatus.Pending or DeliveryStatus.InFlight ? delivery.NextAttemptAt : null,
        delivery.CreatedAt,
        delivery.CompletedAt);
}
