namespace ScimClean.Infrastructure.Webhooks.Dispatching;

/// <summary>
/// Takes due deliveries for this dispatcher: marks them in flight with a lease, so that no other dispatcher
/// sends them while the lease runs. The seam for provider-specific claiming (PostgreSQL: SKIP LOCKED).
/// </summary>
internal interface IDeliveryClaimer
{
    Task<IReadOnlyList<Guid>> ClaimAsync(DateTimeOffset now, TimeSpan lease, int maxCount, CancellationToken cancellationToken);
}
