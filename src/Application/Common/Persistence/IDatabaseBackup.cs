namespace ScimClean.Application.Common.Persistence;

/// <summary>Takes a consistent copy of the whole database while the service runs (SQLite only).</summary>
public interface IDatabaseBackup
{
    /// <summary>
    /// A new file holding the copy, which the caller deletes when done with it; null when the provider's backups are
    /// taken outside the service (PostgreSQL: <c>pg_dump</c>).
    /// </summary>
    Task<DatabaseBackupFile?> CreateAsync(CancellationToken cancellationToken);
}

/// <summary>A copy of the database on disk: where it is, its size and the moment it was taken.</summary>
public sealed record DatabaseBackupFile(string Path, long Length, DateTimeOffset TakenAt);
