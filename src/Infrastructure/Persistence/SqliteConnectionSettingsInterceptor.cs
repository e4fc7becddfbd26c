using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ScimClean.Infrastructure.Persistence;

/// <summary>
/// Sets <c>synchronous=NORMAL</c> on each SQLite connection the service opens. In WAL mode this skips the fsync of
/// every commit (the WAL is synced at checkpoints instead): a commit survives a crash of the process, which is the
/// guarantee docs/operations.md gives; only a crash of the operating system or a power loss can lose the last commits.
/// With FULL, each commit waits for the disk, and SQLite admits one writer at a time.
/// </summary>
internal sealed class SqliteConnectionSettingsInterceptor : DbConnectionInterceptor
{
    public const string Pragmas = "PRAGMA synchronous=NORMAL;";

    /// <summary>Stateless apart from the table below, which is per native connection: one instance serves every context.</summary>
    public static readonly SqliteConnectionSettingsInterceptor Instance = new();

    private static readonly object Marker = new();

    // EF opens a pooled connection for every query; the setting belongs to the native connection underneath, which
    // the pool keeps, so it is set once per native connection rather than once per query.
    private static readonly ConditionalWeakTable<object, object> Configured = [];

    private SqliteConnectionSettingsInterceptor()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NeedsSettings(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection,
        ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (NeedsSettings(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static bool NeedsSettings(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || Configured.TryAdd(handle, Marker);
}
