using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace ScimClean.Infrastructure.Webhooks.Dispatching;

/// <summary>Only https to public addresses, unless <c>Webhooks:AllowPrivateNetworks</c> allows loopback, private addresses and http.</summary>
internal sealed class PublicNetworkAddressPolicy(IOptions<WebhookDispatchOptions> options) : IOutboundAddressPolicy
{
    private bool AllowPrivate => options.Value.AllowPrivateNetworks;

    public string? RejectUrl(Uri url)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return "the endpoint URL is not an http(s) URL";
        }

        if (url.Scheme == Uri.UriSchemeHttp && !AllowPrivate)
        {
            return "the endpoint URL is not https";
        }

        if (IPAddress.TryParse(url.IdnHost, out var literal) && !IsAllowed(literal))
        {
            return "the endpoint address is not public";
        }

        return null;
    }

    public bool IsAllowed(IPAddress address) => AllowPrivate || IsPublic(address);

    private static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)
            || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var bytes = address.GetAddressBytes();
            return bytes[0] switch
            {
                0 or 10 or 127 => false,
                100 => bytes[1] is < 64 or > 127,          // 100.64.0.0/10 carrier-grade NAT
                169 => bytes[1] != 254,                    // link-local, cloud metadata
                172 => bytes[1] is < 16 or > 31,
                192 => !(bytes[1] == 168 || (bytes[1] == 0 && bytes[2] is 0 or 2)),
                198 => bytes[1] is not (18 or 19),         // benchmarking
                >= 224 => false,                           // multicast and reserved
                _ => true,
            };
        }

        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
            || address.IsIPv6UniqueLocal);
    }
}
