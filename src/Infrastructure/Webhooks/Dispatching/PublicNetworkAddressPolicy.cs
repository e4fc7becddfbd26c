using System.Net;
using ScimClean.Infrastructure.Webhooks.Security;

namespace ScimClean.Infrastructure.Webhooks.Dispatching;

/// <summary>
/// Only https to public addresses, unless <c>Webhooks:AllowPrivateNetworks</c> allows loopback, private addresses
/// and http. Addresses are judged by the same classifier that validates URLs in the admin API.
/// </summary>
internal sealed class PublicNetworkAddressPolicy(WebhookUrlPolicy urlPolicy) : IOutboundAddressPolicy
{
    public string? RejectUrl(Uri url)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return "the endpoint URL is not an http(s) URL";
        }

        if (url.Scheme == Uri.UriSchemeHttp && !urlPolicy.AllowsPrivateNetworks)
        {
            return "the endpoint URL is not https";
        }

        if (IPAddress.TryParse(url.IdnHost, out var literal) && !IsAllowed(literal))
        {
            return "the endpoint address is not public";
        }

        return null;
    }

    public bool IsAllowed(IPAddress address) => urlPolicy.IsAllowed(address);
}
