using System.Buffers.Binary;
using System.Buffers.Text;

namespace ScimClean.Application.Common.Paging;

/// <summary>
/// The opaque cursor of the append-only logs (the events API, the audit log): base64url of the last row's position
/// (8 bytes, big-endian).
/// </summary>
internal static class PositionCursor
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
