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
    public async Task<DatabaseBackupFile?> CreateAsync(CancellationToken cancellationToken)
    {
        var databasePath = SqliteDatabaseFile.PathOf(connectionString);
        var directory = databasePath is null
            ? Path.GetTempPath()
            : Path.GetDirectoryName(Path.GetFullPath(databasePath)) ?? Path.GetTempPath();
        var target = Path.Combine(directory, $"scimclean-backup-{Guid.NewGuid():N}.db.tmp");
        var takenAt = clock.GetUtcNow();
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
}

/// <summary>PostgreSQL: backups are the server's business (pg_dump, archiving, snapshots), not the service's.</summary>
internal sealed class ExternalDatabaseBackup : IDatabaseBackup
{
    public Task<DatabaseBackupFile?> CreateAsync(CancellationToken cancellationToken) => Task.FromResult<DatabaseBackupFile?>(null);
}
