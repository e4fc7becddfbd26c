namespace ScimClean.Application.Webhooks.UpdateWebhookEndpoint;

/// <summary>Changes what is given (null = unchanged); an empty events/organizations list means "all".</summary>
public sealed record UpdateWebhookEndpointCommand(
    Guid Id,
    string? Url,
    IReadOnlyList<string>? Events,
    IReadOnlyList<string>? Organizations,
    bool? Enabled) : ICommand<Result<WebhookEndpointResponse>>;
