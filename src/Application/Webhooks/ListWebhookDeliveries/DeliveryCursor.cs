using System.Buffers.Binary;
using System.Buffers.Text;

namespace ScimClean.Application.Webhooks.ListWebhookDeliveries;

/// <summary>
/// The opaque <c>after</c> cursor of the deliveries list: base64url of the last delivery's sort key
/// (created-at ticks, event position, id; 32 bytes).
/// </summary>
internal static class DeliveryCursor
{
    private const int Length = 8 + 8 + 16;

    public static string Encode(DeliveryPageKey key)
    {
        Span<byte> bytes = stackalloc byte[Length];
        BinaryPrimitives.WriteInt64BigEndian(bytes, key.CreatedAt.UtcTicks);
        BinaryPrimitives.WriteInt64BigEndian(bytes[8..], key.EventPosition);
        key.Id.TryWriteBytes(bytes[16..], bigEndian: true, out _);
        return Base64Url.EncodeToString(bytes);
    }

    public static bool TryDecode(string cursor, out DeliveryPageKey key)
    {
        key = null!;
        Span<byte> bytes = stackalloc byte[Length + 3];
        if (cursor.Length > 64 || !IsBase64UrlText(cursor) || !Base64Url.TryDecodeFromChars(cursor, bytes, out var written) || written != Length)
        {
            return false;
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes);
        var position = BinaryPrimitives.ReadInt64BigEndian(bytes[8..]);
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks || position < 0)
        {
            return false;
        }

        key = new DeliveryPageKey(new DateTimeOffset(ticks, TimeSpan.Zero), position, new Guid(bytes[16..Length], bigEndian: true));
        return true;
    }

    // Base64Url.TryDecodeFromChars throws on characters outside the alphabet; a cursor from a client may hold any.
    private static bool IsBase64UrlText(string cursor) =>
        cursor.All(character => char.IsAsciiLetterOrDigit(character) || character is '-' or '_');
}
