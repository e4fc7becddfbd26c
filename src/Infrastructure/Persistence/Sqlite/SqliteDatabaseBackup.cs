using Microsoft.Data.Sqlite;
using ScimClean.Application.Common.Persistence;

namespace ScimClean.Infrastructure.Persistence.Sqlite;

/// <summary>
/// An online backup with <c>VACUUM INTO</c>: one read transaction, so the copy is consistent while the service goes on
/// writing (WAL readers do not block the writer), and compact. The copy is written beside the database, on the volume
/// meant for the data, not into a temporary directory that may be a small tmpfs.
/// </summary>
internal sealed class SqliteDatabaseBackup(string connectionString, TimeProvider clock) : IDatabaseBackup
{
    internal const string TemporaryFilePattern = "scimclean-backup-*.db.tmp";

    // A copy is deleted when its response ends; one left behind (the audit entry's commit failed after the copy was
    // taken, or the process died while sending) is deleted by a later backup once it is this old, which no download
    // in progress is.
    internal static readonly TimeSpan AbandonedAfter = TimeSpan.FromDays(1);

    public async Task<DatabaseBackupFile?> CreateAsync(CancellationToken cancellationToken)
    {
        var databasePath = SqliteDatabaseFile.PathOf(connectionString);
        var directory = databasePath is null
            ? Path.GetTempPath()
            : Path.GetDirectoryName(Path.GetFullPath(databasePath)) ?? Path.GetTempPath();
        var takenAt = clock.GetUtcNow();
        DeleteAbandonedCopies(directory, takenAt);
        var target = Path.Combine(directory, TemporaryFilePattern.Replace("*", Guid.NewGuid().ToString("N"), StringComparison.Ordinal));
        try
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "VACUUM INTO $target";
            command.Parameters.AddWithValue("$target", target);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new DatabaseBackupFile(target, new FileInfo(target).Length, takenAt);
        }
        catch
        {
            File.Delete(target);
            throw;
        }
    }

    private static void DeleteAbandonedCopies(string directory, DateTimeOffset now)
    {
        foreach (var file in new DirectoryInfo(directory).EnumerateFiles(TemporaryFilePattern))
        {
            if (now - file.LastWriteTimeUtc > AbandonedAfter)
            {
                try
                {
                    file.Delete();
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    // Still open somewhere, or gone already: the next backup tries again.
                }
            }
        }
    }
}
