using System.Buffers.Binary;
using System.Buffers.Text;

namespace ScimClean.Application.Audit;

/// <summary>The opaque audit-log cursor: base64url of the last entry's position (8 bytes, big-endian), as the events API's.</summary>
internal static class AuditCursor
{
    public static string Encode(long position)
    {
        Span<byte> bytes = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(bytes, position);
        return Base64Url.EncodeToString(bytes);
    }

    public static bool TryDecode(string cursor, out long position)
    {
        position = 0;
        Span<byte> bytes = stackalloc byte[sizeof(long) + 3];
        if (cursor.Length > 16 || !IsBase64UrlText(cursor) || !Base64Url.TryDecodeFromChars(cursor, bytes, out var written) || written != sizeof(long))
        {
            return false;
        }

        position = BinaryPrimitives.ReadInt64BigEndian(bytes);
        return position >= 0;
    }

    // Base64Url.TryDecodeFromChars throws on characters outside the alphabet; a cursor from a client may hold any.
    private static bool IsBase64UrlText(string cursor) =>
        cursor.All(character => char.IsAsciiLetterOrDigit(character) || character is '-' or '_');
}
