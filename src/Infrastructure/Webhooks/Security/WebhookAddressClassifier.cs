using System.Net;
using System.Net.Sockets;

namespace ScimClean.Infrastructure.Webhooks.Security;

/// <summary>
/// Classifies IP addresses for server-side request forgery protection. IPv6 forms that carry an IPv4 address
/// (IPv4-mapped ::ffff:a.b.c.d, IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16) are judged by the
/// IPv4 address inside, so ::ffff:127.0.0.1 is loopback.
/// </summary>
public static class WebhookAddressClassifier
{
    public static bool IsPublic(IPAddress address) => Classify(address) == AddressCategory.Public;

    public static AddressCategory Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => ClassifyV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => ClassifyV6(address.GetAddressBytes()),
            _ => AddressCategory.Reserved,
        };
    }

    private static AddressCategory ClassifyV4(ReadOnlySpan<byte> b) => (b[0], b[1], b[2]) switch
    {
        (0, 0, 0) when b[3] == 0 => AddressCategory.Unspecified,
        (0, _, _) => AddressCategory.Reserved,
        (10, _, _) => AddressCategory.Private,
        (100, >= 64 and <= 127, _) => AddressCategory.SharedAddressSpace,
        (127, _, _) => AddressCategory.Loopback,
        (169, 254, _) => AddressCategory.LinkLocal,
        (172, >= 16 and <= 31, _) => AddressCategory.Private,
        (192, 0, 0) => AddressCategory.Reserved,
        (192, 0, 2) => AddressCategory.Documentation,
        (192, 168, _) => AddressCategory.Private,
        (198, 18 or 19, _) => AddressCategory.Reserved,
        (198, 51, 100) => AddressCategory.Documentation,
        (203, 0, 113) => AddressCategory.Documentation,
        ( >= 224 and <= 239, _, _) => AddressCategory.Multicast,
        ( >= 240, _, _) => AddressCategory.Reserved,
        _ => AddressCategory.Public,
    };

    private static AddressCategory ClassifyV6(byte[] b)
    {
        var bytes = b.AsSpan();
        if (bytes[..15].IndexOfAnyExcept((byte)0) < 0)
        {
            return bytes[15] switch
            {
                0 => AddressCategory.Unspecified,
                1 => AddressCategory.Loopback,
                _ => ClassifyV4(bytes[12..]), // IPv4-compatible ::a.b.c.d (deprecated, still routed by some stacks)
            };
        }

        // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible)
        if (bytes[..10].IndexOfAnyExcept((byte)0) < 0
            && ((bytes[10] == 0xff && bytes[11] == 0xff) || (bytes[10] == 0 && bytes[11] == 0)))
        {
            return ClassifyV4(bytes[12..]);
        }

        // 64:ff9b::/96, the well-known NAT64 prefix: the gateway connects to the IPv4 address inside.
        if (bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xff && bytes[3] == 0x9b && bytes[4..12].IndexOfAnyExcept((byte)0) < 0)
        {
            return ClassifyV4(bytes[12..]);
        }

        // 64:ff9b:1::/48, local-use NAT64.
        if (bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xff && bytes[3] == 0x9b && bytes[4] == 0x00 && bytes[5] == 0x01)
        {
            return AddressCategory.Private;
        }

        // 2002::/16, 6to4: the IPv4 address is in bytes 2 to 5.
        if (bytes[0] == 0x20 && bytes[1] == 0x02)
        {
            return ClassifyV4(bytes[2..6]);
        }

        // 2001:db8::/32 documentation; 2001::/23 IETF protocol assignments (Teredo 2001::/32 included).
        if (bytes[0] == 0x20 && bytes[1] == 0x01)
        {
            if (bytes[2] == 0x0d && bytes[3] == 0xb8)
            {
                return AddressCategory.Documentation;
            }

            if (bytes[2] < 0x02)
            {
                return AddressCategory.Reserved;
            }
        }

        // 100::/64, discard-only.
        if (bytes[0] == 0x01 && bytes[1] == 0x00 && bytes[2..8].IndexOfAnyExcept((byte)0) < 0)
        {
            return AddressCategory.Reserved;
        }

        return bytes[0] switch
        {
            0xff => AddressCategory.Multicast,
            0xfc or 0xfd => AddressCategory.Private,
            0xfe when (bytes[1] & 0xc0) == 0x80 => AddressCategory.LinkLocal,
            0xfe when (bytes[1] & 0xc0) == 0xc0 => AddressCategory.Private,
            // Only 2000::/3 is allocated as global unicast; the rest is reserved.
            _ when (bytes[0] & 0xe0) == 0x20 => AddressCategory.Public,
            _ => AddressCategory.Reserved,
        };
    }
}
