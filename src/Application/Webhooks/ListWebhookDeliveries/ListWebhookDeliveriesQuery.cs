namespace ScimClean.Application.Webhooks.ListWebhookDeliveries;

public sealed record ListWebhookDeliveriesQuery(Guid EndpointId, string? Status, int? Limit, string? After)
    : IQuery<Result<WebhookDeliveryPage>>;
