using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ScimClean.Infrastructure.Persistence;
using ScimClean.Infrastructure.Persistence.Sqlite;

namespace ScimClean.Api.IntegrationTests.Infrastructure;

/// <summary>
/// A database of its own for one factory or test class, on the provider the run targets: a fresh SQLite file by
/// default, or, when the environment variable <see cref="PostgresVariable"/> holds a connection string to a PostgreSQL
/// server where the tests may create databases, a fresh database <c>scimclean_test_&lt;guid&gt;</c> on that server
/// (dropped on dispose). The same suite thus runs on both providers: <c>dotnet test</c> alone is the SQLite run.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "SCIMCLEAN_TEST_POSTGRES";

    private readonly string? _sqlitePath;
    private readonly string? _postgresName;
    private bool _disposed;

    private TestDatabase(string? sqlitePath, string? postgresName, string connectionString)
    {
        _sqlitePath = sqlitePath;
        _postgresName = postgresName;
        ConnectionString = connectionString;
    }

    /// <summary>The server connection string of the PostgreSQL run, or null for the SQLite run.</summary>
    public static string? PostgresServer =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public static bool RunsOnPostgres => PostgresServer is not null;

    public DatabaseProvider Provider => _postgresName is null ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;

    public bool IsPostgres => Provider == DatabaseProvider.Postgres;

    /// <summary>The service's <c>ConnectionStrings:Default</c>.</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// The connection string the service opens the database with: on SQLite through the exclusive-access VFS, which
    /// connections made beside the service in this process must share (one process holds the file, through one kind
    /// of lock).
    /// </summary>
    public string ServiceConnectionString => IsPostgres ? ConnectionString : SqliteDatabaseFile.WithExclusiveAccess(ConnectionString);

    public static TestDatabase Create()
    {
        if (PostgresServer is not { } server)
        {
            return CreateSqlite();
        }

        var name = $"scimclean_test_{Guid.NewGuid():N}";
        using (var admin = new NpgsqlConnection(server))
        {
            admin.Open();
            using var command = admin.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            command.ExecuteNonQuery();
        }

        // A bounded pool per test database: a burst of concurrent requests then waits for a connection instead of
        // exceeding the server's max_connections (100 by default) while other test classes run beside it.
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 20 };
        return new TestDatabase(null, name, builder.ConnectionString);
    }

    /// <summary>
    /// A fresh SQLite file whatever the run targets, for tests that cover both providers in one run; in the temporary
    /// directory unless the test gives a directory of its own.
    /// </summary>
    public static TestDatabase CreateSqlite(string? directory = null)
    {
        var path = Path.Combine(directory ?? Path.GetTempPath(), $"scimclean-test-{Guid.NewGuid():N}.db");
        return new TestDatabase(path, null, $"Data Source={path}");
    }

    /// <summary>
    /// Skips the calling test on PostgreSQL: for tests of SQLite behaviour (file locking, WAL, SQLite query plans).
    /// </summary>
    public static void SkipOnPostgres(string reason) =>
        Assert.SkipWhen(RunsOnPostgres, $"SQLite only ({PostgresVariable} is set, this run targets PostgreSQL): {reason}");

    /// <summary>Skips the calling test unless this run targets PostgreSQL.</summary>
    public static void SkipUnlessPostgres(string reason) =>
        Assert.SkipUnless(RunsOnPostgres, $"PostgreSQL only: set {PostgresVariable} to a server connection string to run it. {reason}");

    /// <summary>A DbContext of the service's model on this database (without pooling on SQLite, so files can be deleted).</summary>
    public ScimCleanDbContext CreateDbContext() => IsPostgres
        ? new PostgresScimCleanDbContext(new DbContextOptionsBuilder<PostgresScimCleanDbContext>().UseNpgsql(ConnectionString).Options)
        : new SqliteScimCleanDbContext(new DbContextOptionsBuilder<SqliteScimCleanDbContext>()
            .UseSqlite(ServiceConnectionString + ";Pooling=False").Options);

    /// <summary>An open ADO.NET connection, to read or bulk-write rows beside the service.</summary>
    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = IsPostgres
            ? new NpgsqlConnection(ConnectionString)
            : new SqliteConnection(ServiceConnectionString + ";Pooling=False");
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>A GUID as stored: upper-case text on SQLite (EF Core's format), uuid on PostgreSQL.</summary>
    public object Key(Guid id) => IsPostgres ? id : id.ToString().ToUpperInvariant();

    public object Key(string id) => Key(Guid.Parse(id));

    /// <summary>Adds a parameter named <c>@name</c> (both providers accept the @ prefix).</summary>
    public static DbParameter AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_sqlitePath is not null)
        {
            // Only this database's pools: clearing every pool would close connections other test classes are using.
            foreach (var connectionString in new[] { ConnectionString, ServiceConnectionString })
            {
                using var own = new SqliteConnection(connectionString);
                SqliteConnection.ClearPool(own);
            }

            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(_sqlitePath + suffix);
            }

            return;
        }

        await using (var own = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(own);
        }

        await using var admin = new NpgsqlConnection(PostgresServer);
        await admin.OpenAsync();
        await using var command = admin.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)";
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 20)
            {
                // FORCE may not terminate an autovacuum worker busy in the database unless the role is a member of
                // pg_signal_backend (.ci/run grants it); the worker is done within moments, so try again.
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }
        }
    }
}
