namespace ScimClean.Application.Webhooks;

/// <summary>A rotated signing secret, shown only here; the previous one also signs until it expires.</summary>
public sealed record WebhookSecretResponse(Guid EndpointId, string Secret, DateTimeOffset CreatedAt, DateTimeOffset? PreviousSecretExpiresAt);
