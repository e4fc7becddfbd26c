using ScimClean.Application.Common.Persistence;

namespace ScimClean.Infrastructure.Persistence;

internal sealed class EfDatabaseProbe(ScimCleanDbContext dbContext) : IDatabaseProbe
{
    public Task<bool> CanConnectAsync(CancellationToken cancellationToken) =>
        dbContext.Database.CanConnectAsync(cancellationToken);
}
