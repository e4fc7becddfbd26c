using System.Net;
using Microsoft.Extensions.Options;
using ScimClean.Infrastructure.Webhooks.Dispatching;
using ScimClean.Infrastructure.Webhooks.Security;

namespace ScimClean.Api.IntegrationTests.Webhooks.Dispatch;

public sealed class OutboundAddressPolicyDispatchTests
{
    private static PublicNetworkAddressPolicy Policy(bool allowPrivate) =>
        new(new WebhookUrlPolicy(Options.Create(new WebhookUrlPolicyOptions { AllowPrivateNetworks = allowPrivate })));

    [Theory]
    [InlineData("http://example.com/hooks", "the endpoint URL is not https")]
    [InlineData("https://127.0.0.1/hooks", "the endpoint address is not public")]
    [InlineData("https://169.254.169.254/latest", "the endpoint address is not public")]
    [InlineData("https://[::1]/hooks", "the endpoint address is not public")]
    [InlineData("ftp://example.com/hooks", "the endpoint URL is not an http(s) URL")]
    [InlineData("https://example.com/hooks", null)]
    public void RejectUrl_WithoutPrivateNetworks_ShouldAllowOnlyPublicHttps(string url, string? expected) =>
        Assert.Equal(expected, Policy(allowPrivate: false).RejectUrl(new Uri(url)));

    [Theory]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.20.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("93.184.216.34", true)]
    [InlineData("2606:2800:220:1::1", true)]
    public void IsAllowed_WithoutPrivateNetworks_ShouldRejectPrivateAddresses(string address, bool allowed) =>
        Assert.Equal(allowed, Policy(allowPrivate: false).IsAllowed(IPAddress.Parse(address)));

    [Fact]
    public void AllowPrivateNetworks_ShouldAllowLoopbackOverHttp()
    {
        var policy = Policy(allowPrivate: true);
        Assert.Null(policy.RejectUrl(new Uri("http://127.0.0.1:5000/hooks")));
        Assert.True(policy.IsAllowed(IPAddress.Loopback));
    }
}
