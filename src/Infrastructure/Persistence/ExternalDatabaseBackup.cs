using ScimClean.Application.Common.Persistence;

namespace ScimClean.Infrastructure.Persistence;

/// <summary>PostgreSQL: backups are the server's business (pg_dump, archiving, snapshots), not the service's.</summary>
internal sealed class ExternalDatabaseBackup : IDatabaseBackup
{
    public Task<DatabaseBackupFile?> CreateAsync(CancellationToken cancellationToken) => Task.FromResult<DatabaseBackupFile?>(null);
}
