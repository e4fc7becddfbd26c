namespace ScimClean.Application.Webhooks.GetWebhookEndpoint;

public sealed record GetWebhookEndpointQuery(Guid Id) : IQuery<Result<WebhookEndpointResponse>>;
