using Microsoft.Data.Sqlite;

namespace ScimClean.Infrastructure.Persistence.Sqlite;

/// <summary>Opens the connections the service keeps outside EF Core (the read pool, the insert writer).</summary>
internal static class KeptSqliteConnection
{
    /// <summary>An open connection with <paramref name="settings"/> (pragmas) run on it; nothing is left open on failure.</summary>
    public static SqliteConnection Open(string connectionString, string? settings = null)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            if (settings is not null)
            {
                using var command = connection.CreateCommand();
                command.CommandText = settings;
                command.ExecuteNonQuery();
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
