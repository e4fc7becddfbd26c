using ScimClean.Domain.Webhooks;

namespace ScimClean.Application.Webhooks;

/// <summary>A new endpoint with its signing secret: the only time the secret is shown, with the rotation's.</summary>
public sealed record CreatedWebhookEndpointResponse(
    Guid Id,
    string Url,
    IReadOnlyList<string> Events,
    IReadOnlyList<string> Organizations,
    bool Enabled,
    DateTimeOffset CreatedAt,
    string Secret)
{
    public static CreatedWebhookEndpointResponse From(WebhookEndpoint endpoint, string secret) => new(
        endpoint.Id,
        endpoint.Url,
        endpoint.EventTypes.ToList(),
        endpoint.Organizations.ToList(),
        endpoint.Enabled,
        endpoint.CreatedAt,
        secret);
}
