using ScimClean.Domain.Webhooks;

namespace ScimClean.Application.Webhooks;

/// <summary>An endpoint as the admin API shows it; never its secret.</summary>
public sealed record WebhookEndpointResponse(
    Guid Id,
    string Url,
    IReadOnlyList<string> Events,
    IReadOnlyList<string> Organizations,
    bool Enabled,
    string? DisabledReason,
    DateTimeOffset? DisabledAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PreviousSecretExpiresAt)
{
    public static WebhookEndpointResponse From(WebhookEndpoint endpoint) => new(
        endpoint.Id,
        endpoint.Url,
        endpoint.EventTypes.ToList(),
        endpoint.Organizations.ToList(),
        endpoint.Enabled,
        endpoint.DisabledReason,
        endpoint.DisabledAt,
        endpoint.CreatedAt,
        endpoint.UpdatedAt,
        endpoint.PreviousSecretExpiresAt);
}
