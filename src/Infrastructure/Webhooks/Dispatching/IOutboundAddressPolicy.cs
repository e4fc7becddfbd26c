using System.Net;

namespace ScimClean.Infrastructure.Webhooks.Dispatching;

/// <summary>
/// SSRF protection at send time: which URLs and which resolved addresses the dispatcher may connect to.
/// The address check runs when the connection is made, so a DNS answer that changes after validation
/// (rebinding) cannot reach a private network either.
/// </summary>
public interface IOutboundAddressPolicy
{
    /// <summary>Why the URL may not be called, or null when it may.</summary>
    string? RejectUrl(Uri url);

    bool IsAllowed(IPAddress address);
}
