using Microsoft.Data.Sqlite;

namespace ScimClean.Infrastructure.Persistence.Sqlite;

/// <summary>Where the database of a SQLite connection string is on disk.</summary>
internal static class SqliteDatabaseFile
{
    private const string UriScheme = "file:";

    /// <summary>The file's path (relative paths as given), or null for an in-memory database.</summary>
    public static string? PathOf(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        if (builder.Mode == SqliteOpenMode.Memory || source.Length == 0 || source == ":memory:")
        {
            return null;
        }

        if (!source.StartsWith(UriScheme, StringComparison.OrdinalIgnoreCase))
        {
            return source;
        }

        // A URI filename (https://sqlite.org/uri.html): file:path, file:/path or file://authority/path, then ?query.
        var uri = source[UriScheme.Length..];
        var end = uri.IndexOfAny(['?', '#']);
        var query = end < 0 ? "" : uri[end..];
        var path = end < 0 ? uri : uri[..end];
        if (path.StartsWith("//", StringComparison.Ordinal))
        {
            var slash = path.IndexOf('/', 2);
            path = slash < 0 ? "" : path[slash..];
        }

        return path == ":memory:" || query.Contains("mode=memory", StringComparison.OrdinalIgnoreCase)
            ? null
            : Uri.UnescapeDataString(path);
    }
}
