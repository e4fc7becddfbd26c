namespace ScimClean.Application.Operations;

public static class OperationsErrors
{
    public static readonly Error BackupNotSupported = Error.Conflict(
        "backup_not_supported",
        "The service runs on PostgreSQL, whose backups are taken with pg_dump or the server's own tools (docs/operations.md, Backups).");
}
