using ScimClean.Application.Admin;
using ScimClean.Application.Common.Exceptions;
using ScimClean.Application.Common.Persistence;

namespace ScimClean.Infrastructure.Persistence.Repositories;

internal sealed class AdminApiKeyStore(ScimCleanDbContext dbContext, IUnitOfWork unitOfWork, TimeProvider clock)
    : IAdminApiKeyStore
{
    public async Task<string?> GetHashAsync(CancellationToken cancellationToken)
    {
        var record = await dbContext.AdminApiKeys.AsNoTracking()
            .FirstOrDefaultAsync(key => key.Id == AdminApiKeyRecord.SingletonId, cancellationToken);
        return record?.KeyHash;
    }

    public async Task<bool> TryStoreHashAsync(string hash, CancellationToken cancellationToken)
    {
        dbContext.AdminApiKeys.Add(new AdminApiKeyRecord { KeyHash = hash, CreatedAt = clock.GetUtcNow() });
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (UniquenessViolationException)
        {
            // Another instance started at the same moment and stored its key first.
            dbContext.ChangeTracker.Clear();
            return false;
        }
    }
}
