namespace ScimClean.Infrastructure.Persistence;

/// <summary>
/// Which provider a context runs on, asked on hot paths (every write, every list query, every claim round). Each
/// provider has its own context class, so the answer is a type test. EF's <c>IsSqlite()</c> and <c>Database.ProviderName</c>
/// read the provider assembly's name (<c>Assembly.GetName()</c>, which allocates) on every call: about 2% of a create's CPU.
/// </summary>
internal static class DatabaseKind
{
    public static bool IsSqlite(DbContext dbContext) => dbContext is SqliteScimCleanDbContext;

    public static bool IsNpgsql(DbContext dbContext) => dbContext is PostgresScimCleanDbContext;
}
