using ScimClean.Application.Common.Exceptions;
using ScimClean.Application.Common.Persistence;
using ScimClean.Domain.Common;
using ScimClean.Domain.Webhooks;
using ScimClean.Infrastructure.Webhooks;

namespace ScimClean.Infrastructure.Persistence;

/// <summary>
/// Commits the change and its events in one transaction (one SaveChanges), then wakes the webhook dispatcher.
/// On PostgreSQL a commit with webhook work also wakes the dispatchers of the other instances: the transaction
/// carries a <c>pg_notify</c>, which PostgreSQL delivers at commit and drops on rollback.
/// </summary>
internal sealed class EfUnitOfWork(
    ScimCleanDbContext dbContext,
    OutboxWriter outbox,
    WebhookDispatchSignal dispatchSignal,
    WebhookDispatchNotifier dispatchRequests)
    : IUnitOfWork
{
    public async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        // Changes are detected once, here: the outbox, the checks below, the value index and EF's save would each scan
        // every tracked entity again, and nothing between here and the save changes a tracked entity's properties.
        dbContext.ChangeTracker.DetectChanges();
        var autoDetect = dbContext.ChangeTracker.AutoDetectChangesEnabled;
        dbContext.ChangeTracker.AutoDetectChangesEnabled = false;
        IReadOnlyList<AggregateRoot> sources;
        bool hasDeliveryWork;
        try
        {
            if (dbContext.ChangeTracker.HasChanges())
            {
                // The outbox's reads and the save share one connection.
                await SqliteConnectionReuse.KeepOpenAsync(dbContext, cancellationToken);
            }

            sources = await outbox.AddPendingEventsAsync(cancellationToken);
            hasDeliveryWork = HasDeliveryWork();
            if (hasDeliveryWork && DatabaseKind.IsNpgsql(dbContext))
            {
                await SaveAndNotifyAsync(cancellationToken);
            }
            else
            {
                await dbContext.SaveChangesAsync(cancellationToken);
            }
        }
        catch (DbUpdateConcurrencyException exception)
        {
            throw new ConcurrencyConflictException("the resource was changed by another request", exception);
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            throw new UniquenessViolationException("a unique value is already taken", exception);
        }
        finally
        {
            dbContext.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }

        foreach (var source in sources)
        {
            source.ClearDomainEvents();
        }

        // The same test as for NOTIFY: an event that no endpoint subscribes to gives the dispatcher nothing to claim.
        dispatchRequests.TakeRequest();
        if (hasDeliveryWork)
        {
            dispatchSignal.Notify();
        }
    }

    /// <summary>
    /// Whether this commit gives the dispatchers something to do: deliveries added, or changed without a domain event (a
    /// retry, a replay) and flagged through the notifier. Narrower than "has events": an event no endpoint subscribes to
    /// has no delivery, and NOTIFY is not free (PostgreSQL serialises the commits that notify). Read before the save,
    /// which marks the added rows unchanged.
    /// </summary>
    private bool HasDeliveryWork() =>
        dispatchRequests.IsRequested
        || dbContext.ChangeTracker.Entries<WebhookDelivery>().Any(entry => entry.State == EntityState.Added);

    private async Task SaveAndNotifyAsync(CancellationToken cancellationToken)
    {
        if (dbContext.Database.CurrentTransaction is not null)
        {
            // The caller's transaction: the notification goes out when that one commits.
            await dbContext.SaveChangesAsync(cancellationToken);
            await PostgresDispatchWakeUp.NotifyOnCommitAsync(dbContext, cancellationToken);
            return;
        }

        await using var transaction = await dbContext.Database.BeginTransactionAsync(cancellationToken);
        await dbContext.SaveChangesAsync(cancellationToken);
        await PostgresDispatchWakeUp.NotifyOnCommitAsync(dbContext, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public void DiscardChanges() => dbContext.ChangeTracker.Clear();
}
