using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace ScimClean.Infrastructure.Persistence;

/// <summary>
/// Which provider a context runs on, asked on hot paths (every write, every list query, every claim round). EF's
/// <c>IsSqlite()</c> and <c>IsNpgsql()</c> compare the provider name with their assembly's name, which they read (and
/// allocate) on every call; the names are read once here.
/// </summary>
internal static class DatabaseKind
{
    private static readonly string SqliteProviderName = typeof(SqliteDbContextOptionsBuilder).Assembly.GetName().Name!;

    private static readonly string NpgsqlProviderName = typeof(NpgsqlDbContextOptionsBuilder).Assembly.GetName().Name!;

    public static bool IsSqlite(DbContext dbContext) => IsSqlite(dbContext.Database);

    public static bool IsSqlite(DatabaseFacade database) =>
        string.Equals(database.ProviderName, SqliteProviderName, StringComparison.Ordinal);

    public static bool IsNpgsql(DatabaseFacade database) =>
        string.Equals(database.ProviderName, NpgsqlProviderName, StringComparison.Ordinal);
}
