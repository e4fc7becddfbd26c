namespace ScimClean.Infrastructure.Webhooks.Security;

/// <summary>What an IP address is, for deciding whether webhooks may be sent to it.</summary>
public enum AddressCategory
{
    /// <summary>Globally routable: allowed.</summary>
    Public,

    /// <summary>0.0.0.0, ::.</summary>
    Unspecified,

    /// <summary>127.0.0.0/8, ::1.</summary>
    Loopback,

    /// <summary>10/8, 172.16/12, 192.168/16, fc00::/7 (unique local), fec0::/10 (site-local).</summary>
    Private,

    /// <summary>100.64.0.0/10, carrier-grade NAT.</summary>
    SharedAddressSpace,

    /// <summary>169.254/16 (with the cloud metadata service 169.254.169.254), fe80::/10.</summary>
    LinkLocal,

    /// <summary>224/4, ff00::/8.</summary>
    Multicast,

    /// <summary>192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32.</summary>
    Documentation,

    /// <summary>Anything else not routable on the internet: 0/8, 192.0.0/24, 198.18/15, 240/4 (with broadcast), Teredo, discard-only.</summary>
    Reserved,
}
