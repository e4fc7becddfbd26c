using System.Net;
using Microsoft.Data.Sqlite;
using ScimClean.Api.IntegrationTests.Infrastructure;
using ScimClean.Api.IntegrationTests.Scim.Users;
using ScimClean.Domain.Audit;
using ScimClean.Infrastructure.Persistence.Sqlite;

namespace ScimClean.Api.IntegrationTests.Admin;

/// <summary>A service whose SQLite database is alone in a directory, where its backups put their temporary copies.</summary>
public sealed class DatabaseBackupApp : IAsyncDisposable
{
    public DatabaseBackupApp()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("scimclean-backup-test-");
        Database = TestDatabase.RunsOnPostgres ? TestDatabase.Create() : TestDatabase.CreateSqlite(Directory.FullName);
        Factory = new ScimCleanApiFactory(Database);
    }

    public DirectoryInfo Directory { get; }

    public TestDatabase Database { get; }

    public ScimCleanApiFactory Factory { get; }

    public string[] TemporaryCopies() =>
        [.. Directory.EnumerateFiles(SqliteDatabaseBackup.TemporaryFilePattern).Select(file => file.FullName)];

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
        Directory.Delete(recursive: true);
    }
}

/// <summary><c>GET /admin/v1/database/backup</c>: an online copy of the SQLite database, downloaded over the admin API.</summary>
public sealed class DatabaseBackupTests(DatabaseBackupApp app) : IClassFixture<DatabaseBackupApp>
{
    private const string BackupUrl = "/admin/v1/database/backup";
    private readonly ScimCleanApiFactory _factory = app.Factory;
    private readonly HttpClient _admin = app.Factory.CreateAdminClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Backup_ShouldDownloadADatabaseHoldingWhatWasWritten()
    {
        TestDatabase.SkipOnPostgres("the service copies only a SQLite database");
        var (domain, token) = await _admin.CreateDirectoryAsync();
        var user = await new ScimClient(_factory.CreateScimClient(token), domain).CreateUserAsync();
        var copy = Path.Combine(Path.GetTempPath(), $"scimclean-test-backup-{Guid.NewGuid():N}.db");

        try
        {
            using var response = await _admin.GetAsync(BackupUrl, HttpCompletionOption.ResponseHeadersRead, Ct);

            await response.AssertStatusAsync(HttpStatusCode.OK);
            Assert.Equal("application/vnd.sqlite3", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal("scimclean-20260101T120000Z.db", response.Content.Headers.ContentDisposition?.FileNameStar);
            await using (var file = File.Create(copy))
            {
                await response.Content.CopyToAsync(file, Ct);
            }

            await using var connection = new SqliteConnection($"Data Source={copy};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync(Ct);
            Assert.Equal("ok", await ScalarAsync(connection, "PRAGMA integrity_check"));
            Assert.Equal(1L, await ScalarAsync(connection, $"SELECT COUNT(*) FROM Organizations WHERE Domain = '{domain}'"));
            Assert.Equal(
                user["userName"]!.GetValue<string>(),
                await ScalarAsync(connection, $"SELECT UserName FROM Users WHERE Id = '{user["id"]!.GetValue<string>().ToUpperInvariant()}'"));
        }
        finally
        {
            File.Delete(copy);
        }
    }

    [Fact]
    public async Task Backup_ShouldBeRecordedInTheAuditLogAndLeaveNoTemporaryFile()
    {
        TestDatabase.SkipOnPostgres("the service copies only a SQLite database");

        var body = await _admin.GetByteArrayAsync(BackupUrl, Ct);

        var log = await (await _admin.GetAsync("/admin/v1/audit-log?action=database.*", Ct)).ReadJsonAsync();
        var entry = log.GetProperty("data")[0];
        Assert.Equal(AuditActions.DatabaseBackedUp, entry.GetProperty("action").GetString());
        Assert.Equal("admin", entry.GetProperty("actor").GetString());
        Assert.Equal($"{body.Length} bytes", entry.GetProperty("detail").GetString());
        // The server deletes the copy when it closes the file, which may be a moment after the client has the last byte.
        Assert.True(
            SpinWait.SpinUntil(() => app.TemporaryCopies().Length == 0, TimeSpan.FromSeconds(10)),
            "the temporary copy was not deleted");
    }

    [Fact]
    public async Task Backup_ShouldDeleteCopiesThatEarlierBackupsLeftBehind()
    {
        TestDatabase.SkipOnPostgres("the service copies only a SQLite database");
        var now = _factory.Clock.GetUtcNow().UtcDateTime;
        var abandoned = LeftBehind(now - SqliteDatabaseBackup.AbandonedAfter - TimeSpan.FromMinutes(1));
        var recent = LeftBehind(now - TimeSpan.FromHours(1));

        await _admin.GetByteArrayAsync(BackupUrl, Ct);

        Assert.False(File.Exists(abandoned), "a copy older than a day was kept");
        Assert.True(File.Exists(recent), "a copy that may still be downloading was deleted");
        File.Delete(recent);
    }

    private string LeftBehind(DateTime lastWrite)
    {
        var path = Path.Combine(app.Directory.FullName, SqliteDatabaseBackup.TemporaryFilePattern.Replace("*", Guid.NewGuid().ToString("N"), StringComparison.Ordinal));
        File.WriteAllBytes(path, [1, 2, 3]);
        File.SetLastWriteTimeUtc(path, lastWrite);
        return path;
    }

    [Fact]
    public async Task Backup_OnPostgres_ShouldAnswerConflictPointingToPgDump()
    {
        TestDatabase.SkipUnlessPostgres("PostgreSQL is backed up with its own tools");

        var response = await _admin.GetAsync(BackupUrl, Ct);

        await response.AssertStatusAsync(HttpStatusCode.Conflict);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("backup_not_supported", problem.GetProperty("code").GetString());
        Assert.Contains("pg_dump", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_WithoutTheAdminKey_ShouldBeUnauthorized()
    {
        var response = await _factory.CreateClient().GetAsync(BackupUrl, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Ct);
    }
}
