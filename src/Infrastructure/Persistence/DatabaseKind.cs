using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ScimClean.Infrastructure.Persistence;

/// <summary>
/// Which provider a context runs on, asked on every write. EF's <c>IsSqlite()</c> compares the provider name with its
/// assembly's name, which it reads (and allocates) on every call; the name is read once here.
/// </summary>
internal static class DatabaseKind
{
    private static readonly string SqliteProviderName = typeof(SqliteDbContextOptionsBuilder).Assembly.GetName().Name!;

    public static bool IsSqlite(DbContext dbContext) =>
        string.Equals(dbContext.Database.ProviderName, SqliteProviderName, StringComparison.Ordinal);
}
