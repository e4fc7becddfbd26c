using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ScimClean.Infrastructure.Persistence;

/// <summary>Brings the schema up to date with the migrations before the service takes requests.</summary>
public static class DatabaseInitializer
{
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var dbContext = scope.ServiceProvider.GetRequiredService<ScimCleanDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));

        if (dbContext.Database.IsSqlite())
        {
            // WAL lets readers run beside the single writer; the setting is stored in the database file.
            await dbContext.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await dbContext.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            finally
            {
                await dbContext.Database.CloseConnectionAsync();
            }
        }

        var pending = (await dbContext.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} database migration(s)", pending.Count);
        }

        await dbContext.Database.MigrateAsync(cancellationToken);
    }
}
