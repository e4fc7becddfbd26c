namespace ScimClean.Application.Scim;

/// <summary>meta.version as a weak entity tag: W/"&lt;version&gt;".</summary>
public static class ETag
{
    public static string For(long version) => $"W/\"{version}\"";

    /// <summary>
    /// Whether an If-Match header allows the change: absent or "*" always does; otherwise one of its
    /// tags must name the current version (weak comparison, so W/ and the strong form both match).
    /// </summary>
    public static bool Satisfies(string? ifMatch, long currentVersion)
    {
        if (string.IsNullOrWhiteSpace(ifMatch) || ifMatch.Trim() == "*")
        {
            return true;
        }

        var current = $"\"{currentVersion}\"";
        return ifMatch.Split(',')
            .Select(tag => tag.Trim())
            .Select(StripWeak)
            .Any(tag => string.Equals(tag, current, StringComparison.Ordinal));
    }

    /// <summary>Whether an If-None-Match header names the given tag (or is "*"), with weak comparison.</summary>
    public static bool MatchesAny(string ifNoneMatch, string etag)
    {
        var wanted = StripWeak(etag);
        return ifNoneMatch.Split(',')
            .Select(tag => tag.Trim())
            .Any(tag => tag == "*" || string.Equals(StripWeak(tag), wanted, StringComparison.Ordinal));
    }

    private static string StripWeak(string tag) =>
        tag.StartsWith("W/", StringComparison.OrdinalIgnoreCase) ? tag[2..] : tag;
}
