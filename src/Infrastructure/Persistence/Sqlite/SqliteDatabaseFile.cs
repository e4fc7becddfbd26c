using Microsoft.Data.Sqlite;

namespace ScimClean.Infrastructure.Persistence.Sqlite;

/// <summary>Where the database of a SQLite connection string is on disk, and how the service opens it.</summary>
internal static class SqliteDatabaseFile
{
    private const string UriScheme = "file:";
    private const string ExclusiveVfs = "unix-excl";

    /// <summary>
    /// The connection string with the database opened through SQLite's <c>unix-excl</c> VFS: the process holds the file
    /// for itself (another process cannot open it while the service runs), and the WAL index lives in this process's
    /// memory, so the locks every read transaction takes and releases are bookkeeping in memory instead of
    /// <c>fcntl</c> system calls serialised on one mutex (docs/adr/0011-sqlite-file-held-by-the-service.md). In-memory
    /// databases, a VFS the operator chose, and Windows (which has no such VFS) are left as they are.
    /// </summary>
    public static string WithExclusiveAccess(string connectionString)
    {
        var path = PathOf(connectionString);
        if (path is null || OperatingSystem.IsWindows())
        {
            return connectionString;
        }

        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        if (source.StartsWith(UriScheme, StringComparison.OrdinalIgnoreCase))
        {
            if (source.Contains("vfs=", StringComparison.OrdinalIgnoreCase))
            {
                return connectionString;
            }

            var fragment = source.IndexOf('#', StringComparison.Ordinal);
            var uri = fragment < 0 ? source : source[..fragment];
            builder.DataSource = $"{uri}{(uri.Contains('?', StringComparison.Ordinal) ? '&' : '?')}vfs={ExclusiveVfs}";
        }
        else
        {
            // file:relative or file:///absolute (an empty authority, so that a path starting with // stays a path).
            var escaped = path.Replace("%", "%25", StringComparison.Ordinal)
                .Replace("?", "%3F", StringComparison.Ordinal)
                .Replace("#", "%23", StringComparison.Ordinal);
            builder.DataSource = $"{UriScheme}{(escaped.StartsWith('/') ? "//" : "")}{escaped}?vfs={ExclusiveVfs}";
        }

        return builder.ConnectionString;
    }

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
