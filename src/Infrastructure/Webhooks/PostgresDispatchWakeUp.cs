namespace ScimClean.Infrastructure.Webhooks;

/// <summary>
/// Wakes the dispatchers of every instance on one PostgreSQL database: a commit with webhook work issues
/// <c>pg_notify</c> in its own transaction (PostgreSQL delivers it when, and only if, the transaction commits),
/// and <see cref="PostgresDispatchListener"/> in each instance turns it into <see cref="WebhookDispatchSignal.Notify"/>.
/// </summary>
internal static class PostgresDispatchWakeUp
{
    /// <summary>The notification channel (an identifier; listeners and notifiers must agree on it).</summary>
    public const string Channel = "scimclean_webhook_deliveries";

    /// <summary>Queues the notification in the current transaction; identical ones of a transaction are folded into one.</summary>
    public static Task NotifyOnCommitAsync(DbContext dbContext, CancellationToken cancellationToken) =>
        dbContext.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, '')", cancellationToken);
}
