namespace ScimClean.Application.Webhooks.CreateWebhookEndpoint;

/// <summary>Registers an endpoint; null or empty events/organizations subscribe to every event/organization.</summary>
public sealed record CreateWebhookEndpointCommand(string? Url, IReadOnlyList<string>? Events, IReadOnlyList<string>? Organizations)
    : ICommand<Result<CreatedWebhookEndpointResponse>>;
