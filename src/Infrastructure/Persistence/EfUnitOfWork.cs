using ScimClean.Application.Common.Exceptions;
using ScimClean.Application.Common.Persistence;

namespace ScimClean.Infrastructure.Persistence;

internal sealed class EfUnitOfWork(ScimCleanDbContext dbContext) : IUnitOfWork
{
    public async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
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
    }

    public void DiscardChanges() => dbContext.ChangeTracker.Clear();
}
