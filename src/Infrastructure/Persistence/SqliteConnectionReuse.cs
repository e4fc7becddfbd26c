using System.Data;

namespace ScimClean.Infrastructure.Persistence;

/// <summary>
/// Keeps a request's SQLite connection open from its first read to the end of its unit of work. EF opens and closes the
/// connection around every query and every save; each open of a Microsoft.Data.Sqlite connection registers EF's SQL
/// functions on the native connection again (allocations and finalizable handles). Open once, a write that reads first
/// (a uniqueness check, a row to change) pays that once. The pooled context closes the connection when it is returned.
/// PostgreSQL is left alone: Npgsql's pool makes an open cheap, and a connection held through a request's work would
/// only occupy the pool longer.
/// </summary>
internal static class SqliteConnectionReuse
{
    public static Task KeepOpenAsync(DbContext dbContext, CancellationToken cancellationToken) =>
        DatabaseKind.IsSqlite(dbContext) && dbContext.Database.GetDbConnection().State == ConnectionState.Closed
            ? dbContext.Database.OpenConnectionAsync(cancellationToken)
            : Task.CompletedTask;
}
