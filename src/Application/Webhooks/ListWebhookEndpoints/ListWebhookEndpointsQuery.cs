namespace ScimClean.Application.Webhooks.ListWebhookEndpoints;

public sealed record ListWebhookEndpointsQuery : IQuery<IReadOnlyList<WebhookEndpointResponse>>;
