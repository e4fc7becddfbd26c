using System.Data.Common;
using ScimClean.Application.Common.Persistence;

namespace ScimClean.Infrastructure.Persistence;

internal sealed class EfDatabaseProbe(ScimCleanDbContext dbContext) : IDatabaseProbe
{
    /// <summary>
    /// A query on the service's own kind of connection. Not EF Core's <c>CanConnectAsync</c>: on SQLite it opens a
    /// read-only connection, and a read-only connection that reads takes the usual file locks, which would release
    /// the lock the service holds on its file (docs/adr/0011-sqlite-file-held-by-the-service.md). Failures other than
    /// the database's reach the health check service, which reports them as unhealthy.
    /// </summary>
    public async Task<bool> CanConnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            await dbContext.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
            return true;
        }
        catch (DbException)
        {
            return false;
        }
    }
}
