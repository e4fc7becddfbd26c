using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ScimClean.Application.Scim;

/// <summary>The meta attribute of a rendered resource (RFC 7643 §3.1), and the one timestamp format the service writes.</summary>
public static class ScimMeta
{
    /// <summary>The length of <c>2026-11-28T19:02:11.482Z</c>.</summary>
    private const int TimestampLength = 24;

    public static JsonObject Create(string resourceType, DateTimeOffset created, DateTimeOffset lastModified, string location, long version) =>
        new()
        {
            ["resourceType"] = resourceType,
            ["created"] = FormatTimestamp(created),
            ["lastModified"] = FormatTimestamp(lastModified),
            ["location"] = location,
            ["version"] = ETag.For(version),
        };

    /// <summary>Writes the <c>meta</c> property <see cref="Create"/> builds, without building it.</summary>
    public static void Write(
        Utf8JsonWriter writer,
        string resourceType,
        DateTimeOffset created,
        DateTimeOffset lastModified,
        string location,
        long version)
    {
        Span<byte> timestamp = stackalloc byte[TimestampLength];
        writer.WriteStartObject("meta");
        writer.WriteString("resourceType", resourceType);
        FormatTimestamp(created, timestamp);
        writer.WriteString("created", timestamp);
        FormatTimestamp(lastModified, timestamp);
        writer.WriteString("lastModified", timestamp);
        writer.WriteString("location", location);
        writer.WriteString("version", ETag.For(version));
        writer.WriteEndObject();
    }

    /// <summary>ISO 8601 in UTC with milliseconds (truncated), e.g. 2026-11-28T19:02:11.482Z.</summary>
    public static string FormatTimestamp(DateTimeOffset value)
    {
        Span<byte> timestamp = stackalloc byte[TimestampLength];
        FormatTimestamp(value, timestamp);
        return Encoding.ASCII.GetString(timestamp);
    }

    // By hand rather than with a custom format string: every rendered resource writes two timestamps, and the
    // general formatter cost more than the rest of meta together.
    private static void FormatTimestamp(DateTimeOffset value, Span<byte> utf8)
    {
        var utc = value.UtcDateTime;
        WriteDigits(utf8[..4], utc.Year);
        utf8[4] = (byte)'-';
        WriteDigits(utf8[5..7], utc.Month);
        utf8[7] = (byte)'-';
        WriteDigits(utf8[8..10], utc.Day);
        utf8[10] = (byte)'T';
        WriteDigits(utf8[11..13], utc.Hour);
        utf8[13] = (byte)':';
        WriteDigits(utf8[14..16], utc.Minute);
        utf8[16] = (byte)':';
        WriteDigits(utf8[17..19], utc.Second);
        utf8[19] = (byte)'.';
        WriteDigits(utf8[20..23], utc.Millisecond);
        utf8[23] = (byte)'Z';
    }

    private static void WriteDigits(Span<byte> destination, int value)
    {
        for (var index = destination.Length - 1; index >= 0; index--)
        {
            destination[index] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
