using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace ScimClean.Infrastructure.Persistence.Sqlite;

/// <summary>
/// Open SQLite connections kept for the hottest reads, each with the statements it has prepared. Going through EF
/// Core, a read opened a pooled connection (which registers EF's SQL functions on it again, leaving finalizable
/// handles behind), built a new command and had SQLite prepare its SQL once more: together about half of what a
/// <c>GET /Users/{id}</c> cost. A kept connection pays each of these once.
/// Reads in WAL mode run beside the writer, so these connections never wait for a write to finish.
/// </summary>
internal sealed class SqliteReadConnections(string connectionString) : IDisposable
{
    // Enough for every request a 2-core machine has in flight; a burst beyond it opens extra connections, closed again
    // when they come back rather than kept.
    private static readonly int MaxIdle = Math.Max(8, Environment.ProcessorCount * 4);

    private readonly ConcurrentBag<SqliteReadConnection> _idle = [];
    private int _idleCount;
    private volatile bool _disposed;

    /// <summary>A connection for one request's reads; disposing the lease gives it back.</summary>
    public Lease Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_idle.TryTake(out var connection))
        {
            Interlocked.Decrement(ref _idleCount);
            return new Lease(this, connection);
        }

        return new Lease(this, SqliteReadConnection.Open(connectionString));
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }

    private void Return(SqliteReadConnection connection)
    {
        if (_disposed || Interlocked.Increment(ref _idleCount) > MaxIdle)
        {
            Interlocked.Decrement(ref _idleCount);
            connection.Dispose();
            return;
        }

        _idle.Add(connection);
        if (_disposed && _idle.TryTake(out var late))
        {
            late.Dispose();
        }
    }

    /// <summary>One request's use of a kept connection.</summary>
    public readonly struct Lease(SqliteReadConnections owner, SqliteReadConnection connection) : IDisposable
    {
        /// <summary>The command for this SQL on this connection, prepared the first time and kept; parameters cleared.</summary>
        public SqliteCommand Command(string sql) => connection.Command(sql);

        internal SqliteReadConnection Connection => connection;

        public void Dispose() => owner.Return(connection);
    }
}

/// <summary>An open connection and the commands it keeps, one per distinct SQL text (bounded).</summary>
internal sealed class SqliteReadConnection : IDisposable
{
    // SCIM list queries differ only in their filter's shape; a few dozen shapes cover a client such as Entra. Past the
    // bound, the least recently added command is dropped (its prepared statement finalized).
    internal const int MaxCommands = 64;

    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    private SqliteReadConnection(SqliteConnection connection) => _connection = connection;

    public static SqliteReadConnection Open(string connectionString) => new(KeptSqliteConnection.Open(connectionString));

    /// <summary>How many commands (prepared statements) the connection keeps.</summary>
    internal int CommandCount => _commands.Count;

    public SqliteCommand Command(string sql)
    {
        if (_commands.TryGetValue(sql, out var command))
        {
            command.Parameters.Clear();
            return command;
        }

        if (_commands.Count >= MaxCommands && _order.TryDequeue(out var oldest) && _commands.Remove(oldest, out var dropped))
        {
            dropped.Dispose();
        }

        command = _connection.CreateCommand();
        command.CommandText = sql;
        _commands[sql] = command;
        _order.Enqueue(sql);
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
        _connection.Dispose();
    }
}
