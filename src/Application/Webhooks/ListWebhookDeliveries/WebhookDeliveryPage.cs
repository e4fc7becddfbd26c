namespace ScimClean.Application.Webhooks.ListWebhookDeliveries;

/// <summary>A page of deliveries, newest first; <c>nextCursor</c> (for <c>after</c>) is null on the last page.</summary>
public sealed record WebhookDeliveryPage(IReadOnlyList<WebhookDeliveryView> Data, string? NextCursor, bool HasMore);
