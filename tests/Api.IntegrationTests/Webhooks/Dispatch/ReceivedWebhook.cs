namespace ScimClean.Api.IntegrationTests.Webhooks.Dispatch;

/// <summary>One request the loopback receiver got, as it came over the wire.</summary>
public sealed record ReceivedWebhook(
    string Path,
    string Method,
    string? ContentType,
    string? WebhookId,
    string? WebhookTimestamp,
    string? WebhookSignature,
    string Body);
