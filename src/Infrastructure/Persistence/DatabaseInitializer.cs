using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ScimClean.Infrastructure.Persistence.Sqlite;

namespace ScimClean.Infrastructure.Persistence;

/// <summary>Brings the schema up to date with the migrations before the service takes requests.</summary>
/// <remarks>
/// Several instances may start at once against one PostgreSQL database. EF Core 10 (Npgsql provider) already
/// serializes <c>MigrateAsync</c> with <c>LOCK TABLE "__EFMigrationsHistory" IN ACCESS EXCLUSIVE MODE</c>, but only
/// after it has created that table with <c>CREATE TABLE IF NOT EXISTS</c>, which is not safe against a concurrent
/// create on an empty database (a unique violation in <c>pg_type</c>). A session-level advisory lock held around the
/// whole step closes that gap: one instance migrates, the others wait on the lock and then find nothing pending.
/// The lock is tied to the connection, so an instance that dies while migrating releases it.
/// </remarks>
public static class DatabaseInitializer
{
    /// <summary>The advisory lock key of the migration step (any constant shared by every instance: "ScimMigr").</summary>
    public const long MigrationLockKey = 0x5363_696D_4D69_6772;

    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var dbContext = scope.ServiceProvider.GetRequiredService<ScimCleanDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));

        if (dbContext.Database.IsSqlite())
        {
            // On a connection of its own, closed before the service opens the database its way (SqliteSchemaConnection).
            await using var schemaContext = scope.ServiceProvider.GetRequiredService<SqliteSchemaConnection>().CreateContext();
            // WAL lets readers run beside the single writer; the setting is stored in the database file.
            await schemaContext.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await schemaContext.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                await MigrateAsync(schemaContext, logger, cancellationToken);
            }
            finally
            {
                await schemaContext.Database.CloseConnectionAsync();
            }

            return;
        }

        if (dbContext.Database.IsNpgsql())
        {
            // Keep one connection open: the advisory lock belongs to the session that took it.
            await dbContext.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                logger.LogDebug("Waiting for the migration lock");
                await dbContext.Database.ExecuteSqlRawAsync(
                    "SELECT pg_advisory_lock({0})", [MigrationLockKey], cancellationToken);
                try
                {
                    await MigrateAsync(dbContext, logger, cancellationToken);
                }
                finally
                {
                    await dbContext.Database.ExecuteSqlRawAsync(
                        "SELECT pg_advisory_unlock({0})", [MigrationLockKey], CancellationToken.None);
                }
            }
            finally
            {
                await dbContext.Database.CloseConnectionAsync();
            }

            return;
        }

        await MigrateAsync(dbContext, logger, cancellationToken);
    }

    private static async Task MigrateAsync(ScimCleanDbContext dbContext, ILogger logger, CancellationToken cancellationToken)
    {
        var pending = (await dbContext.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} database migration(s)", pending.Count);
        }

        await dbContext.Database.MigrateAsync(cancellationToken);
    }
}
