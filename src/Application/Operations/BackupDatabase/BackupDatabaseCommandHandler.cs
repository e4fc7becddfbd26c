using ScimClean.Application.Audit;
using ScimClean.Application.Common.Persistence;
using ScimClean.Domain.Audit;

namespace ScimClean.Application.Operations.BackupDatabase;

internal sealed class BackupDatabaseCommandHandler(IDatabaseBackup backup, IAuditTrail audit)
    : ICommandHandler<BackupDatabaseCommand, Result<DatabaseBackupFile>>
{
    public async ValueTask<Result<DatabaseBackupFile>> Handle(BackupDatabaseCommand command, CancellationToken cancellationToken)
    {
        var file = await backup.CreateAsync(cancellationToken);
        if (file is null)
        {
            return OperationsErrors.BackupNotSupported;
        }

        // The copy holds every directory and the keys of the webhook secrets: who took one is worth a record.
        audit.Record(AuditActions.DatabaseBackedUp, organization: null, target: null, $"{file.Length} bytes");
        return file;
    }
}
