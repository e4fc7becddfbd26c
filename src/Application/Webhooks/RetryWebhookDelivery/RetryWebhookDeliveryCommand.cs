namespace ScimClean.Application.Webhooks.RetryWebhookDelivery;

/// <summary>Sends a delivery again on a fresh schedule, starting now.</summary>
public sealed record RetryWebhookDeliveryCommand(Guid DeliveryId) : ICommand<Result<WebhookDeliveryStatusResponse>>;
