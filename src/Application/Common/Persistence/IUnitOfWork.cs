namespace ScimClean.Application.Common.Persistence;

/// <summary>Commits everything the handlers of one command changed, with their domain events, atomically.</summary>
public interface IUnitOfWork
{
    Task SaveChangesAsync(CancellationToken cancellationToken);
}
