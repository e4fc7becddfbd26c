using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ScimClean.Api.IntegrationTests.Infrastructure;
using ScimClean.Api.IntegrationTests.Scim.Users;
using ScimClean.Infrastructure.Webhooks.Retention;

namespace ScimClean.Api.IntegrationTests.Webhooks;

/// <summary>Event retention on a database of its own (the clock moves by weeks).</summary>
public sealed class WebhookRetentionTests : IAsyncLifetime
{
    private readonly ScimCleanApiFactory _factory = new();
    private HttpClient _admin = null!;

    public ValueTask InitializeAsync()
    {
        // The test sets delivery states by hand; a running dispatcher would claim the pending ones under it.
        _factory.Settings["Webhooks:DispatcherEnabled"] = "false";
        _admin = _factory.CreateAdminClient();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task Purge_ShouldDeleteOldEventsWithFinishedDeliveriesButKeepUnfinishedAndLatestPerResource()
    {
        var (scim, endpointId) = await WebhookApi.CreateDirectoryWithEndpointAsync(_factory);
        var kept = await scim.CreateUserAsync();
        var keptId = kept["id"]!.GetValue<string>();
        await scim.PatchUserJsonAsync(keptId, PatchDisplayName("First"));
        await WebhookApi.UpdateDeliveriesAsync(_factory, Guid.Parse(endpointId), delivery =>
            delivery.Succeed(200, 5, _factory.Clock.GetUtcNow()));
        var pending = await scim.CreateUserAsync();
        var before = await _admin.GetAllEventsAsync(scim.Domain);
        Assert.Equal(
            ["directory.enabled", "user.created", "user.updated", "user.created"],
            before.Select(item => item.GetProperty("type").GetString()));

        _factory.Clock.Advance(TimeSpan.FromDays(29));
        await PurgeAsync();
        Assert.Equal(4, (await _admin.GetAllEventsAsync(scim.Domain)).Count);

        _factory.Clock.Advance(TimeSpan.FromDays(2));
        await PurgeAsync();

        var after = await _admin.GetAllEventsAsync(scim.Domain);
        // directory.enabled (no resource, no delivery) and the first user.created (finished, superseded) are gone;
        // the user's latest event stays for its sequence, and the pending delivery keeps its event.
        Assert.Equal(
            [before[2].GetProperty("id").GetString(), before[3].GetProperty("id").GetString()],
            after.Select(item => item.GetProperty("id").GetString()));
        // Finished deliveries of old events go (delivery history is kept as long as events); the pending one stays.
        var delivery = Assert.Single((await _admin.GetDeliveriesAsync(endpointId)).GetProperty("data").EnumerateArray());
        Assert.Equal(before[3].GetProperty("id").GetString(), delivery.GetProperty("eventId").GetString());
        Assert.Equal("pending", delivery.GetProperty("status").GetString());
        Assert.Equal(pending["id"]!.GetValue<string>(), after[1].GetProperty("data").GetProperty("id").GetString());

        await scim.PatchUserJsonAsync(keptId, PatchDisplayName("Second"));
        var latest = (await _admin.GetAllEventsAsync(scim.Domain))[^1];
        Assert.Equal(3, latest.GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task Purge_WhenNothingIsOld_ShouldDeleteNothing()
    {
        var scim = await ScimClient.CreateAsync(_factory);
        await scim.CreateUserAsync();

        var deleted = await PurgeAsync();

        Assert.Equal(0, deleted);
        Assert.Equal(2, (await _admin.GetAllEventsAsync(scim.Domain)).Count);
    }

    private async Task<int> PurgeAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WebhookEventRetention>().PurgeAsync(TestContext.Current.CancellationToken);
    }

    private static JsonObject PatchDisplayName(string value) => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
        ["Operations"] = new JsonArray(new JsonObject { ["op"] = "replace", ["path"] = "displayName", ["value"] = value }),
    };
}
