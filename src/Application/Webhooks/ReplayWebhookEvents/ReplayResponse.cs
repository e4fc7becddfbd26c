namespace ScimClean.Application.Webhooks.ReplayWebhookEvents;

/// <summary>How many deliveries the replay queued.</summary>
public sealed record ReplayResponse(int Queued);
