namespace ScimClean.Application.Webhooks.DeleteWebhookEndpoint;

public sealed record DeleteWebhookEndpointCommand(Guid Id) : ICommand<Result>;
