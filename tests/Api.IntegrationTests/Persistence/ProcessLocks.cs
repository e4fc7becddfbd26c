using System.Globalization;

namespace ScimClean.Api.IntegrationTests.Persistence;

/// <summary>The POSIX record locks this process holds, as Linux lists them in <c>/proc/locks</c>.</summary>
internal static class ProcessLocks
{
    /// <summary>Whether this process holds a write lock starting at <paramref name="start"/> on the file at <paramref name="path"/>.</summary>
    public static bool HoldsWriteLock(string path, long start)
    {
        var inode = InodeOf(Path.GetFullPath(path));
        var pid = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        // "1: POSIX  ADVISORY  WRITE 4242 fd:01:11665664 1073741826 1073742335"
        return File.ReadLines("/proc/locks")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Any(fields => fields.Length >= 8
                && fields[1] == "POSIX"
                && fields[3] == "WRITE"
                && fields[4] == pid
                && fields[5].EndsWith($":{inode}", StringComparison.Ordinal)
                && fields[6] == start.ToString(CultureInfo.InvariantCulture));
    }

    // .NET does not expose inode numbers; /proc/self/fdinfo does, for the files this process has open.
    private static string InodeOf(string path)
    {
        foreach (var fd in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            string? target;
            try
            {
                target = File.ResolveLinkTarget(fd, returnFinalTarget: false)?.FullName;
            }
            catch (IOException)
            {
                continue;
            }

            if (target == path)
            {
                var info = File.ReadAllLines($"/proc/self/fdinfo/{Path.GetFileName(fd)}");
                return info.First(line => line.StartsWith("ino:", StringComparison.Ordinal))["ino:".Length..].Trim();
            }
        }

        throw new InvalidOperationException($"this process has no open file descriptor for {path}");
    }
}
