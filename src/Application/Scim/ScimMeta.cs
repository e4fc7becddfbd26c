using System.Globalization;
using System.Text.Json.Nodes;

namespace ScimClean.Application.Scim;

/// <summary>The meta attribute of a rendered resource (RFC 7643 §3.1), and the one timestamp format the service writes.</summary>
public static class ScimMeta
{
    public static JsonObject Create(string resourceType, DateTimeOffset created, DateTimeOffset lastModified, string location, long version) =>
        new()
        {
            ["resourceType"] = resourceType,
            ["created"] = FormatTimestamp(created),
            ["lastModified"] = FormatTimestamp(lastModified),
            ["location"] = location,
            ["version"] = ETag.For(version),
        };

    /// <summary>ISO 8601 in UTC with milliseconds, e.g. 2026-11-28T19:02:11.482Z.</summary>
    public static string FormatTimestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
