namespace ScimClean.Infrastructure.Persistence;

public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// SQLite: the service holds the database file for itself while it runs (true, the default), which takes the
    /// WAL locks of every read in memory instead of through system calls. False lets other processes (the
    /// <c>sqlite3</c> shell) open the file beside the service, at the cost of read throughput.
    /// </summary>
    public bool SqliteExclusiveAccess { get; set; } = true;
}
