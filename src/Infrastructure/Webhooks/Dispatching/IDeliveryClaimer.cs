namespace ScimClean.Infrastructure.Webhooks.Dispatching;

/// <summary>
/// Takes due deliveries for this dispatcher in one statement: marks them in flight with a lease and a fresh lease
/// token, so that no other dispatcher sends them while the lease runs, and so that only this claim may record their
/// outcome. Provider-specific: PostgreSQL claims with <c>FOR UPDATE SKIP LOCKED</c>, SQLite relies on its single writer.
/// </summary>
internal interface IDeliveryClaimer
{
    Task<DeliveryClaim> ClaimAsync(DateTimeOffset now, TimeSpan lease, int maxCount, CancellationToken cancellationToken);

    /// <summary>
    /// Runs the claim statement for no rows (a limit of 0), so that building and compiling it is paid at start-up
    /// rather than by the first delivery after it. Claims nothing and changes nothing.
    /// </summary>
    Task PrepareAsync(DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);
}
