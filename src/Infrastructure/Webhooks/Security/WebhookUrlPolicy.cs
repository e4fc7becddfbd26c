using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using ScimClean.Application.Webhooks;
using ScimClean.Domain.Common;
using ScimClean.Domain.Webhooks;

namespace ScimClean.Infrastructure.Webhooks.Security;

/// <summary>
/// Server-side request forgery protection for webhook URLs. Unless <c>Webhooks:AllowPrivateNetworks</c> is true,
/// a URL must be https and every address its host resolves to must be public (<see cref="WebhookAddressClassifier"/>).
/// The dispatcher should check again when it sends, ideally on the address it actually connects to
/// (<see cref="IsAllowed"/> in a <c>SocketsHttpHandler.ConnectCallback</c>), since DNS answers can change.
/// </summary>
public sealed class WebhookUrlPolicy(IOptions<WebhookUrlPolicyOptions> options) : IWebhookUrlPolicy
{
    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(5);

    public bool AllowsPrivateNetworks => options.Value.AllowPrivateNetworks;

    /// <summary>Whether a connection to this address is allowed.</summary>
    public bool IsAllowed(IPAddress address) => AllowsPrivateNetworks || WebhookAddressClassifier.IsPublic(address);

    public async Task<Result> CheckAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (AllowsPrivateNetworks)
        {
            return Result.Success();
        }

        if (url.Scheme != Uri.UriSchemeHttps)
        {
            return WebhookErrors.UrlNotAllowed("url must use https (plain http is allowed only when Webhooks:AllowPrivateNetworks is true)");
        }

        var host = url.IdnHost;
        IPAddress[] addresses;
        if (IPAddress.TryParse(host, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(ResolveTimeout);
                addresses = await Dns.GetHostAddressesAsync(host, timeout.Token);
            }
            catch (Exception exception) when (exception is SocketException or ArgumentException
                || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                return WebhookErrors.UrlNotAllowed($"the host '{url.Host}' could not be resolved; webhook URLs must name a reachable public host");
            }
        }

        if (addresses.Length == 0)
        {
            return WebhookErrors.UrlNotAllowed($"the host '{url.Host}' has no addresses");
        }

        foreach (var address in addresses)
        {
            var category = WebhookAddressClassifier.Classify(address);
            if (category != AddressCategory.Public)
            {
                return WebhookErrors.UrlNotAllowed(
                    $"the host '{url.Host}' resolves to a {Describe(category)} address; webhooks go only to public addresses "
                    + "(Webhooks:AllowPrivateNetworks=true allows private networks, for local development)");
            }
        }

        return Result.Success();
    }

    private static string Describe(AddressCategory category) => category switch
    {
        AddressCategory.Unspecified => "unspecified",
        AddressCategory.Loopback => "loopback",
        AddressCategory.Private => "private",
        AddressCategory.SharedAddressSpace => "shared (carrier-grade NAT)",
        AddressCategory.LinkLocal => "link-local",
        AddressCategory.Multicast => "multicast",
        AddressCategory.Documentation => "documentation",
        _ => "reserved",
    };
}
