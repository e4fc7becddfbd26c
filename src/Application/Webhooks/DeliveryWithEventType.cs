using ScimClean.Domain.Webhooks;

namespace ScimClean.Application.Webhooks;

/// <summary>A delivery (read-only) with the type of the event it sends.</summary>
public sealed record DeliveryWithEventType(WebhookDelivery Delivery, string EventType);
