using ScimClean.Application.Common.Persistence;

namespace ScimClean.Application.Operations.BackupDatabase;

/// <summary>Copies the whole database to a file for the operator to download (an online backup).</summary>
public sealed record BackupDatabaseCommand : ICommand<Result<DatabaseBackupFile>>;
