namespace ScimClean.Application.Webhooks;

/// <summary>Where a page of deliveries (newest first) ended: the sort key of its last delivery.</summary>
public sealed record DeliveryPageKey(DateTimeOffset CreatedAt, long EventPosition, Guid Id);
