using System.Net;
using System.Net.Http.Json;
using ScimClean.Api.IntegrationTests.Infrastructure;
using ScimClean.Api.IntegrationTests.Scim.Users;

namespace ScimClean.Api.IntegrationTests.Webhooks;

/// <summary>The service as in production: Webhooks:AllowPrivateNetworks is false.</summary>
public sealed class WebhookUrlPolicyTests : IAsyncLifetime
{
    private readonly ScimCleanApiFactory _factory = new();
    private HttpClient _admin = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _factory.Settings["Webhooks:AllowPrivateNetworks"] = "false";
        _admin = _factory.CreateAdminClient();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Theory]
    [InlineData("https://127.0.0.1/hooks", "loopback")]
    [InlineData("https://127.1.2.3:8443/hooks", "loopback")]
    [InlineData("https://localhost/hooks", "loopback")]
    [InlineData("https://[::1]/hooks", "loopback")]
    [InlineData("https://10.1.2.3/hooks", "private")]
    [InlineData("https://172.16.0.1/hooks", "private")]
    [InlineData("https://192.168.1.10/hooks", "private")]
    [InlineData("https://[fd00::1]/hooks", "private")]
    [InlineData("https://169.254.169.254/latest/meta-data/", "link-local")]
    [InlineData("https://[fe80::1]/hooks", "link-local")]
    [InlineData("https://100.64.0.1/hooks", "carrier-grade NAT")]
    [InlineData("https://0.0.0.0/hooks", "unspecified")]
    [InlineData("https://[::ffff:127.0.0.1]/hooks", "loopback")]
    [InlineData("https://[::ffff:169.254.169.254]/hooks", "link-local")]
    [InlineData("https://2130706433/hooks", "loopback")]
    [InlineData("https://0x7f000001/hooks", "loopback")]
    [InlineData("http://93.184.215.14/hooks", "https")]
    public async Task Create_WhenUrlIsNotAllowed_ShouldReturn400SayingWhy(string url, string reason)
    {
        var response = await _admin.PostAsJsonAsync(WebhookApi.EndpointsUrl, new { url }, Ct);

        await response.AssertStatusAsync(HttpStatusCode.BadRequest);
        var body = await response.ReadJsonAsync();
        Assert.Equal("webhook_endpoint.url_not_allowed", body.GetProperty("code").GetString());
        Assert.Contains(reason, body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WhenUrlIsAPublicHttpsAddress_ShouldReturn201()
    {
        var response = await _admin.PostAsJsonAsync(WebhookApi.EndpointsUrl, new { url = "https://93.184.215.14/hooks" }, Ct);

        await response.AssertStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Patch_WhenNewUrlIsPrivate_ShouldReturn400AndKeepTheOldUrl()
    {
        var created = await _admin.CreateWebhookEndpointAsync(url: "https://93.184.215.14/hooks");

        var response = await _admin.PatchAsJsonAsync(
            $"{WebhookApi.EndpointsUrl}/{created.Id()}", new { url = "https://192.168.0.1/hooks" }, Ct);
        var after = await (await _admin.GetAsync($"{WebhookApi.EndpointsUrl}/{created.Id()}", Ct)).ReadJsonAsync();

        await response.AssertStatusAsync(HttpStatusCode.BadRequest);
        Assert.Equal("https://93.184.215.14/hooks", after.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Patch_WhenUrlIsNotChanged_ShouldNotCheckItAgain()
    {
        var created = await _admin.CreateWebhookEndpointAsync(url: "https://93.184.215.14/hooks");

        var response = await _admin.PatchAsJsonAsync($"{WebhookApi.EndpointsUrl}/{created.Id()}", new { enabled = false }, Ct);

        await response.AssertStatusAsync(HttpStatusCode.OK);
    }
}
