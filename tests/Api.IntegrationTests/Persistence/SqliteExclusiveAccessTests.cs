using Microsoft.Data.Sqlite;
using ScimClean.Api.IntegrationTests.Infrastructure;
using ScimClean.Api.IntegrationTests.Scim.Users;
using ScimClean.Infrastructure.Persistence.Sqlite;

namespace ScimClean.Api.IntegrationTests.Persistence;

/// <summary>
/// <c>Database:SqliteExclusiveAccess</c>: by default the service holds its SQLite file and keeps the WAL index in its
/// own memory (no <c>-shm</c> file beside the database); switched off, it shares the file through the <c>-shm</c> file
/// as SQLite does by default.
/// </summary>
public sealed class SqliteExclusiveAccessTests
{
    // SQLite's lock bytes: PENDING at 0x40000000, RESERVED after it, then the 510-byte SHARED range.
    private const long SqliteSharedRangeStart = 0x40000000 + 2;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Service_ByDefault_ShouldKeepTheWalIndexInItsOwnMemory()
    {
        TestDatabase.SkipOnPostgres("a SQLite file's locking");
        Assert.SkipWhen(OperatingSystem.IsWindows(), "SQLite has no unix-excl VFS on Windows");
        await using var factory = new ScimCleanApiFactory();

        var path = await WriteThroughTheServiceAsync(factory);

        Assert.True(File.Exists(path + "-wal"), "the database is not in WAL mode");
        Assert.False(File.Exists(path + "-shm"), "the WAL index is shared through a file");
    }

    [Fact]
    public async Task Service_ByDefault_ShouldHoldTheFileAgainstOtherProcessesWhateverItDoes()
    {
        TestDatabase.SkipOnPostgres("a SQLite file's locking");
        Assert.SkipUnless(OperatingSystem.IsLinux(), "reads the process's locks from /proc/locks");
        await using var factory = new ScimCleanApiFactory();

        // Start-up (migrations), a create, reads, the readiness probe and a backup: any connection of the process
        // that locks the file the usual way (read-only ones do) would release the process's lock with its own. The
        // burst of reads may need more connections than the read pool keeps, which are closed again (closing a
        // descriptor of the file drops a process's POSIX locks unless SQLite defers it).
        var (path, scim, userId) = await WriteUserThroughTheServiceAsync(factory);
        var reads = await Task.WhenAll(Enumerable.Range(0, 48).Select(_ => scim.GetUserAsync(userId)));
        Assert.All(reads, read => Assert.True(read.IsSuccessStatusCode));
        (await factory.CreateClient().GetAsync("/health/ready", Ct)).EnsureSuccessStatusCode();
        (await factory.CreateAdminClient().GetAsync("/admin/v1/database/backup", Ct)).EnsureSuccessStatusCode();

        Assert.True(
            ProcessLocks.HoldsWriteLock(path, SqliteSharedRangeStart),
            "the process holds no write lock on the database's shared-lock range: another process could open it");
    }

    [Fact]
    public async Task ClosingOneOfTheConnections_ShouldLeaveTheProcessHoldingTheFile()
    {
        TestDatabase.SkipOnPostgres("a SQLite file's locking");
        Assert.SkipUnless(OperatingSystem.IsLinux(), "reads the process's locks from /proc/locks");
        await using var database = TestDatabase.CreateSqlite();
        var connectionString = database.ServiceConnectionString + ";Pooling=False";
        await using var kept = new SqliteConnection(connectionString);
        await kept.OpenAsync(Ct);
        await ExecuteAsync(kept, "PRAGMA journal_mode=WAL; CREATE TABLE t (x); INSERT INTO t VALUES (1);");

        await using (var other = new SqliteConnection(connectionString))
        {
            await other.OpenAsync(Ct);
            await ExecuteAsync(other, "SELECT COUNT(*) FROM t;");
        }

        Assert.True(
            ProcessLocks.HoldsWriteLock(SqliteDatabaseFile.PathOf(database.ConnectionString)!, SqliteSharedRangeStart),
            "closing a second connection released the process's lock on the file");
    }

    [Fact]
    public async Task Service_WithoutExclusiveAccess_ShouldShareTheWalIndexThroughItsFile()
    {
        TestDatabase.SkipOnPostgres("a SQLite file's locking");
        await using var factory = new ScimCleanApiFactory();
        factory.Settings["Database:SqliteExclusiveAccess"] = "false";

        var path = await WriteThroughTheServiceAsync(factory);

        Assert.True(File.Exists(path + "-wal"), "the database is not in WAL mode");
        Assert.True(File.Exists(path + "-shm"), "no WAL index file beside the database");
    }

    private static async Task<string> WriteThroughTheServiceAsync(ScimCleanApiFactory factory) =>
        (await WriteUserThroughTheServiceAsync(factory)).Path;

    private static async Task<(string Path, ScimClient Scim, string UserId)> WriteUserThroughTheServiceAsync(ScimCleanApiFactory factory)
    {
        var (domain, token) = await factory.CreateAdminClient().CreateDirectoryAsync();
        var scim = new ScimClient(factory.CreateScimClient(token), domain);
        var user = await scim.CreateUserAsync();
        return (SqliteDatabaseFile.PathOf(factory.Database.ConnectionString)!, scim, user["id"]!.GetValue<string>());
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }
}
