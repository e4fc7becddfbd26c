namespace ScimClean.Application.Common.Persistence;

/// <summary>Commits everything the handlers of one command changed, with their domain events, atomically.</summary>
public interface IUnitOfWork
{
    Task SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>Forgets every change and loaded entity, so that a retried command starts from fresh reads.</summary>
    void DiscardChanges();
}
