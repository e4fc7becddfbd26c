using ScimClean.Application.Common.Exceptions;
using ScimClean.Application.Common.Persistence;
using ScimClean.Infrastructure.Webhooks;

namespace ScimClean.Infrastructure.Persistence;

/// <summary>
/// Commits the change and its events in one transaction (one SaveChanges), then wakes the webhook dispatcher.
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
        var sources = await outbox.AddPendingEventsAsync(cancellationToken);
        try
        {
            await dbContext.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException exception)
        {
            throw new ConcurrencyConflictException("the resource was changed by another request", exception);
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            throw new UniquenessViolationException("a unique value is already taken", exception);
        }

        foreach (var source in sources)
        {
            source.ClearDomainEvents();
        }

        // Deliveries changed without a domain event (a retry, a replay) ask for a wake-up through the notifier.
        var requested = dispatchRequests.TakeRequest();
        if (requested || sources.Count > 0)
        {
            dispatchSignal.Notify();
        }
    }

    public void DiscardChanges() => dbContext.ChangeTracker.Clear();
}
