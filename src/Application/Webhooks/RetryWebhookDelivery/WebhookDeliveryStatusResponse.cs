namespace ScimClean.Application.Webhooks.RetryWebhookDelivery;

/// <summary>A delivery queued again: its id, status (pending) and when it will be attempted.</summary>
public sealed record WebhookDeliveryStatusResponse(Guid Id, string Status, int Attempts, DateTimeOffset NextAttemptAt);
