using Microsoft.Data.Sqlite;

namespace ScimClean.Infrastructure.Persistence.Sqlite;

/// <summary>
/// The connection string migrations run on: the configured one, unpooled, without the exclusive-access VFS. EF Core's
/// migrator checks that the database exists by opening it read-only, and a read-only connection locks the file the
/// usual way, which would release the lock the service holds on it. Migrations run before the service opens any
/// other connection, and this one is closed when they are done, so no lock of it outlives them.
/// </summary>
internal sealed record SqliteSchemaConnection(string ConfiguredConnectionString)
{
    public SqliteScimCleanDbContext CreateContext() => new(new DbContextOptionsBuilder<SqliteScimCleanDbContext>()
        .UseSqlite(new SqliteConnectionStringBuilder(ConfiguredConnectionString) { Pooling = false }.ConnectionString)
        .AddInterceptors(SqliteConnectionSettingsInterceptor.Instance)
        .Options);
}
