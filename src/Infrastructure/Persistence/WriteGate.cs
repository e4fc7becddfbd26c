using System.Collections.Concurrent;

namespace ScimClean.Infrastructure.Persistence;

/// <summary>
/// Serialises writes to one SQLite database inside this process. SQLite admits one writer at a time, and
/// Microsoft.Data.Sqlite answers a busy database by sleeping 150 ms before it tries again; with a queue in front
/// of the database instead, concurrent writers wait only for each other's commits, never sleep, and never see
/// "database is locked". Readers are not queued (WAL lets them run beside the writer). PostgreSQL needs no gate.
/// </summary>
/// <remarks>Several processes on one SQLite file are not a supported deployment; PostgreSQL is the scale-out path.</remarks>
internal static class WriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>Runs one write (a SaveChanges, an ExecuteUpdate, an ExecuteDelete) alone on its SQLite database.</summary>
    public static async Task<T> RunAsync<T>(DbContext dbContext, Func<Task<T>> write, CancellationToken cancellationToken)
    {
        if (!DatabaseKind.IsSqlite(dbContext))
        {
            return await write();
        }

        var gate = GateOf(dbContext.Database.GetConnectionString());
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await write();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Runs one write alone on the SQLite database of <paramref name="connectionString"/>, blocking the calling thread
    /// while it waits: for a writer on a thread of its own (<see cref="Sqlite.SqliteInsertWriter"/>). The string must be
    /// the one the contexts are configured with, since it names the gate.
    /// </summary>
    public static void Run(string connectionString, Action write)
    {
        var gate = GateOf(connectionString);
        gate.Wait();
        try
        {
            write();
        }
        finally
        {
            gate.Release();
        }
    }

    private static SemaphoreSlim GateOf(string? connectionString) =>
        Gates.GetOrAdd(connectionString ?? string.Empty, _ => new SemaphoreSlim(1, 1));
}
