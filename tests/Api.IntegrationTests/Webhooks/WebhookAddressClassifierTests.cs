using System.Net;
using ScimClean.Infrastructure.Webhooks.Security;

namespace ScimClean.Api.IntegrationTests.Webhooks;

public sealed class WebhookAddressClassifierTests
{
    [Theory]
    // IPv4
    [InlineData("0.0.0.0", AddressCategory.Unspecified)]
    [InlineData("0.1.2.3", AddressCategory.Reserved)]
    [InlineData("10.0.0.0", AddressCategory.Private)]
    [InlineData("10.255.255.255", AddressCategory.Private)]
    [InlineData("100.63.255.255", AddressCategory.Public)]
    [InlineData("100.64.0.0", AddressCategory.SharedAddressSpace)]
    [InlineData("100.127.255.255", AddressCategory.SharedAddressSpace)]
    [InlineData("100.128.0.0", AddressCategory.Public)]
    [InlineData("127.0.0.1", AddressCategory.Loopback)]
    [InlineData("127.255.255.254", AddressCategory.Loopback)]
    [InlineData("169.254.0.1", AddressCategory.LinkLocal)]
    [InlineData("169.254.169.254", AddressCategory.LinkLocal)]
    [InlineData("169.253.255.255", AddressCategory.Public)]
    [InlineData("172.15.255.255", AddressCategory.Public)]
    [InlineData("172.16.0.0", AddressCategory.Private)]
    [InlineData("172.31.255.255", AddressCategory.Private)]
    [InlineData("172.32.0.0", AddressCategory.Public)]
    [InlineData("192.0.0.8", AddressCategory.Reserved)]
    [InlineData("192.0.2.1", AddressCategory.Documentation)]
    [InlineData("192.167.255.255", AddressCategory.Public)]
    [InlineData("192.168.0.1", AddressCategory.Private)]
    [InlineData("192.168.255.255", AddressCategory.Private)]
    [InlineData("192.169.0.0", AddressCategory.Public)]
    [InlineData("198.18.0.1", AddressCategory.Reserved)]
    [InlineData("198.19.255.255", AddressCategory.Reserved)]
    [InlineData("198.51.100.7", AddressCategory.Documentation)]
    [InlineData("203.0.113.9", AddressCategory.Documentation)]
    [InlineData("224.0.0.1", AddressCategory.Multicast)]
    [InlineData("239.255.255.250", AddressCategory.Multicast)]
    [InlineData("240.0.0.1", AddressCategory.Reserved)]
    [InlineData("255.255.255.255", AddressCategory.Reserved)]
    [InlineData("1.1.1.1", AddressCategory.Public)]
    [InlineData("8.8.8.8", AddressCategory.Public)]
    [InlineData("93.184.215.14", AddressCategory.Public)]
    [InlineData("223.255.255.255", AddressCategory.Public)]
    // IPv6
    [InlineData("::", AddressCategory.Unspecified)]
    [InlineData("::1", AddressCategory.Loopback)]
    [InlineData("fc00::1", AddressCategory.Private)]
    [InlineData("fd12:3456:789a::1", AddressCategory.Private)]
    [InlineData("fec0::1", AddressCategory.Private)]
    [InlineData("fe80::1", AddressCategory.LinkLocal)]
    [InlineData("fe80::1%2", AddressCategory.LinkLocal)]
    [InlineData("febf:ffff::1", AddressCategory.LinkLocal)]
    [InlineData("ff02::1", AddressCategory.Multicast)]
    [InlineData("2001:db8::1", AddressCategory.Documentation)]
    [InlineData("2001:0::1", AddressCategory.Reserved)]
    [InlineData("100::1", AddressCategory.Reserved)]
    [InlineData("64:ff9b:1::1", AddressCategory.Private)]
    [InlineData("2606:4700:4700::1111", AddressCategory.Public)]
    [InlineData("2a00:1450:4001:80b::200e", AddressCategory.Public)]
    [InlineData("4000::1", AddressCategory.Reserved)]
    // IPv4 inside IPv6: judged by the IPv4 address
    [InlineData("::ffff:127.0.0.1", AddressCategory.Loopback)]
    [InlineData("::ffff:10.0.0.1", AddressCategory.Private)]
    [InlineData("::ffff:169.254.169.254", AddressCategory.LinkLocal)]
    [InlineData("::ffff:100.64.1.1", AddressCategory.SharedAddressSpace)]
    [InlineData("::ffff:0.0.0.0", AddressCategory.Unspecified)]
    [InlineData("::ffff:8.8.8.8", AddressCategory.Public)]
    [InlineData("::127.0.0.1", AddressCategory.Loopback)]
    [InlineData("::192.168.1.1", AddressCategory.Private)]
    [InlineData("::8.8.8.8", AddressCategory.Public)]
    [InlineData("64:ff9b::10.0.0.1", AddressCategory.Private)]
    [InlineData("64:ff9b::7f00:1", AddressCategory.Loopback)]
    [InlineData("64:ff9b::8.8.8.8", AddressCategory.Public)]
    [InlineData("2002:7f00:0001::1", AddressCategory.Loopback)]
    [InlineData("2002:a9fe:a9fe::1", AddressCategory.LinkLocal)]
    [InlineData("2002:0808:0808::1", AddressCategory.Public)]
    public void Classify_ShouldNameTheAddressRange(string address, AddressCategory expected)
    {
        var category = WebhookAddressClassifier.Classify(IPAddress.Parse(address));

        Assert.Equal(expected, category);
        Assert.Equal(expected == AddressCategory.Public, WebhookAddressClassifier.IsPublic(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.0.0.1")]
    [InlineData("::ffff:192.168.0.1")]
    public void IsAllowed_WhenPrivateNetworksAreAllowed_ShouldAllowPrivateAddresses(string address)
    {
        var strict = new WebhookUrlPolicy(Microsoft.Extensions.Options.Options.Create(new WebhookUrlPolicyOptions()));
        var relaxed = new WebhookUrlPolicy(Microsoft.Extensions.Options.Options.Create(new WebhookUrlPolicyOptions { AllowPrivateNetworks = true }));

        Assert.False(strict.IsAllowed(IPAddress.Parse(address)));
        Assert.True(relaxed.IsAllowed(IPAddress.Parse(address)));
    }

    [Fact]
    public async Task CheckAsync_WhenPrivateNetworksAreAllowed_ShouldAcceptPlainHttpOnLoopback()
    {
        var relaxed = new WebhookUrlPolicy(Microsoft.Extensions.Options.Options.Create(new WebhookUrlPolicyOptions { AllowPrivateNetworks = true }));

        var result = await relaxed.CheckAsync(new Uri("http://127.0.0.1:5000/hooks"), TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccess);
    }
}
