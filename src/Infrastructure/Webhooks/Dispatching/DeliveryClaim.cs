namespace ScimClean.Infrastructure.Webhooks.Dispatching;

/// <summary>What one claim took: the rows now carrying <paramref name="LeaseToken"/>, <paramref name="Count"/> of them.</summary>
internal sealed record DeliveryClaim(Guid LeaseToken, int Count);
