using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ScimClean.Api.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ScimClean.Api.IntegrationTests.Scim.Users;
using ScimClean.Application.Webhooks.ReplayWebhookEvents;
using ScimClean.Infrastructure.Persistence;

namespace ScimClean.Api.IntegrationTests.Webhooks;

public sealed class WebhookDeliveriesTests : IClassFixture<ScimCleanApiFactory>
{
    private static readonly string[] AnyStatus = ["pending", "in_flight", "succeeded", "failed"];
    private readonly ScimCleanApiFactory factory;
    private readonly HttpClient _admin;

    public WebhookDeliveriesTests(ScimCleanApiFactory factory)
    {
        // These tests put deliveries into given states directly; a running dispatcher would race them for the rows
        // (the dispatch tests cover what the dispatcher does with them).
        factory.Settings["Webhooks:DispatcherEnabled"] = "false";
        // The replay of more than a page creates a thousand users; the rate limit is not what these tests are about.
        factory.Settings["Scim:RateLimit:TokenLimit"] = "100000";
        factory.Settings["Scim:RateLimit:TokensPerPeriod"] = "100000";
        this.factory = factory;
        _admin = factory.CreateAdminClient();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ScimUserCreate_ShouldQueueADeliveryOfTheUserCreatedEvent()
    {
        var (scim, endpointId) = await WebhookApi.CreateDirectoryWithEndpointAsync(factory);

        var user = await scim.CreateUserAsync();

        var page = await _admin.GetDeliveriesAsync(endpointId);
        var delivery = Assert.Single(page.GetProperty("data").EnumerateArray());
        var events = await _admin.GetAllEventsAsync(scim.Domain);
        var created = Assert.Single(events, item => item.GetProperty("type").GetString() == "user.created");
        Assert.Equal(user["id"]!.GetValue<string>(), created.GetProperty("data").GetProperty("id").GetString());
        Assert.Equal(created.GetProperty("id").GetString(), delivery.GetProperty("eventId").GetString());
        Assert.StartsWith("evt_", delivery.GetProperty("eventId").GetString(), StringComparison.Ordinal);
        Assert.Equal("user.created", delivery.GetProperty("eventType").GetString());
        Assert.Contains(delivery.GetProperty("status").GetString(), AnyStatus);
        Assert.True(Guid.TryParse(delivery.GetProperty("id").GetString(), out _));
        Assert.Equal(endpointId, delivery.GetProperty("endpointId").GetString());
        Assert.Equal(factory.Clock.GetUtcNow(), delivery.GetProperty("createdAt").GetDateTimeOffset());
        foreach (var member in new[] { "attempts", "lastStatusCode", "lastError", "latencyMs", "nextAttemptAt", "completedAt" })
        {
            Assert.True(delivery.TryGetProperty(member, out _), $"missing {member}");
        }

        Assert.False(page.GetProperty("hasMore").GetBoolean());
    }

    [Fact]
    public async Task ScimWrite_WhenEndpointDoesNotSubscribe_ShouldQueueNothing()
    {
        var (scim, endpointId) = await WebhookApi.CreateDirectoryWithEndpointAsync(factory, events: ["group.*"]);

        await scim.CreateUserAsync();

        var page = await _admin.GetDeliveriesAsync(endpointId);
        Assert.Equal(0, page.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task ScimUserCreate_AfterTheEndpointsChange_ShouldFanOutToTheEndpointsAsTheyAreNow()
    {
        // The outbox keeps the list of enabled endpoints between commits: every change must reach the next commit.
        var scim = await ScimClient.CreateAsync(factory);
        await scim.CreateUserAsync();
        var endpointId = (await _admin.CreateWebhookEndpointAsync(organizations: [scim.Domain])).Id();

        await scim.CreateUserAsync();
        var afterCreation = await _admin.GetDeliveriesAsync(endpointId);
        var url = $"{WebhookApi.EndpointsUrl}/{endpointId}";
        await (await _admin.PatchAsJsonAsync(url, new { enabled = false }, Ct)).AssertStatusAsync(HttpStatusCode.OK);
        await scim.CreateUserAsync();
        var afterDisabling = await _admin.GetDeliveriesAsync(endpointId);
        await (await _admin.PatchAsJsonAsync(url, new { enabled = true }, Ct)).AssertStatusAsync(HttpStatusCode.OK);
        await scim.CreateUserAsync();
        var afterEnabling = await _admin.GetDeliveriesAsync(endpointId);
        await (await _admin.PatchAsJsonAsync(url, new { events = new[] { "group.*" } }, Ct)).AssertStatusAsync(HttpStatusCode.OK);
        await scim.CreateUserAsync();
        var afterNarrowing = await _admin.GetDeliveriesAsync(endpointId);

        Assert.Equal(1, afterCreation.GetProperty("data").GetArrayLength());
        Assert.Equal(1, afterDisabling.GetProperty("data").GetArrayLength());
        Assert.Equal(2, afterEnabling.GetProperty("data").GetArrayLength());
        Assert.Equal(2, afterNarrowing.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task List_ShouldPageNewestFirstWithoutDuplicatesOrGaps()
    {
        var (scim, endpointId) = await WebhookApi.CreateDirectoryWithEndpointAsync(factory);
        for (var i = 0; i < 5; i++)
        {
            await scim.CreateUserAsync();
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var seen = new List<JsonElement>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await _admin.GetDeliveriesAsync(endpointId, cursor is null ? "?limit=2" : $"?limit=2&after={cursor}");
            seen.AddRange(page.GetProperty("data").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
            Assert.Equal(cursor is not null, page.GetProperty("hasMore").GetBoolean());
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(5, seen.Select(item => item.GetProperty("id").GetString()).Distinct().Count());
        var createdAt = seen.Select(item => item.GetProperty("createdAt").GetDateTimeOffset()).ToList();
        Assert.Equal(createdAt.OrderDescending(), createdAt);
    }

    [Fact]
    public async Task List_WithStatusFilter_ShouldReturnOnlyThatStatus()
    {
        var (scim, endpointId) = await WebhookApi.CreateDirectoryWithEndpointAsync(factory);
        await scim.CreateUserAsync();
        await scim.CreateUserAsync();
        await WebhookApi.UpdateDeliveriesAsync(factory, Guid.Parse(endpointId), delivery =>
            delivery.Fail(500, "server error", 12, nextAttemptAt: null, factory.Clock.GetUtcNow()));

        var failed = await _admin.GetDeliveriesAsync(endpointId, "?status=failed");
        var succeeded = await _admin.GetDeliveriesAsync(endpointId, "?status=SUCCEEDED");

        Assert.Equal(2, failed.GetProperty("data").GetArrayLength());
        Assert.All(failed.GetProperty("data").EnumerateArray(), item =>
        {
            Assert.Equal("failed", item.GetProperty("status").GetString());
            Assert.Equal(500, item.GetProperty("lastStatusCode").GetInt32());
            Assert.Equal("server error", item.GetProperty("lastError").GetString());
            Assert.Equal(12, item.GetProperty("latencyMs").GetInt32());
            Assert.Equal(1, item.GetProperty("attempts").GetInt32());
            Assert.Equal(JsonValueKind.Null, item.GetProperty("nextAttemptAt").ValueKind);
            Assert.Equal(factory.Clock.GetUtcNow(), item.GetProperty("completedAt").GetDateTimeOffset());
        });
        Assert.Equal(0, succeeded.GetProperty("data").GetArrayLength());
    }

    [Theory]
    [InlineData("?status=done")]
    [InlineData("?limit=0")]
    [InlineData("?limit=1001")]
    [InlineData("?after=not-a-cursor")]
    [InlineData("?after=AAAA")]
    [InlineData("?limit=many")]
    public async Task List_WhenQueryIsInvalid_ShouldReturn400(string query)
    {
        var endpoint = await _admin.CreateWebhookEndpointAsync();

        var response = await _admin.GetAsync($"{WebhookApi.EndpointsUrl}/{endpoint.Id()}/deliveries{query}", Ct);

        await response.AssertStatusAsync(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task List_WhenEndpointIsUnknown_ShouldReturn404()
    {
        var response = await _admin.GetAsync($"{WebhookApi.EndpointsUrl}/{Guid.NewGuid()}/deliveries", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Retry_OfAFailedDelivery_ShouldReturn202AndQueueItAgainFromNow()
    {
        var (scim, endpointId) = await WebhookApi.CreateDirectoryWithEndpointAsync(factory);
        await scim.CreateUserAsync();
        await WebhookApi.UpdateDeliveriesAsync(factory, Guid.Parse(endpointId), delivery =>
            delivery.Fail(null, "connection refused", null, nextAttemptAt: null, factory.Clock.GetUtcNow()));
        var deliveryId = (await _admin.GetDeliveriesAsync(endpointId)).GetProperty("data")[0].GetProperty("id").GetString();
        factory.Clock.Advance(TimeSpan.FromMinutes(5));

        var response = await _admin.PostAsync($"/admin/v1/deliveries/{deliveryId}/retry", null, Ct);

        await response.AssertStatusAsync(HttpStatusCode.Accepted);
        var body = await response.ReadJsonAsync();
        Assert.Equal("pending", body.GetProperty("status").GetString());
        var after = (await _admin.GetDeliveriesAsync(endpointId)).GetProperty("data")[0];
        Assert.Contains(after.GetProperty("status").GetString(), AnyStatus);
        Assert.Equal(deliveryId, after.GetProperty("id").GetString());
        if (after.GetProperty("status").GetString() == "pending")
        {
            Assert.Equal(0, after.GetProperty("attempts").GetInt32());
            Assert.Equal(factory.Clock.GetUtcNow(), after.GetProperty("nextAttemptAt").GetDateTimeOffset());
            Assert.Equal(JsonValueKind.Null, after.GetProperty("completedAt").ValueKind);
        }
    }

    [Fact]
    public async Task Retry_WhenDeliveryIsInFlight_ShouldReturn409()
    {
        var (scim, endpointId) = await WebhookApi.CreateDirectoryWithEndpointAsync(factory);
        await scim.CreateUserAsync();
        await WebhookApi.UpdateDeliveriesAsync(factory, Guid.Parse(endpointId), delivery =>
            delivery.Lease(factory.Clock.GetUtcNow(), TimeSpan.FromSeconds(30)));
        var deliveryId = (await _admin.GetDeliveriesAsync(endpointId)).GetProperty("data")[0].GetProperty("id").GetString();

        var response = await _admin.PostAsync($"/admin/v1/deliveries/{deliveryId}/retry", null, Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Retry_WhenDeliveryIsUnknown_ShouldReturn404()
    {
        var response = await _admin.PostAsync($"/admin/v1/deliveries/{Guid.NewGuid()}/retry", null, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Replay_ShouldQueueNewDeliveriesOfSubscribedEventsSinceTheTimeInEventOrder()
    {
        var (scim, endpointId) = await WebhookApi.CreateDirectoryWithEndpointAsync(factory, events: ["user.*"]);
        var early = await scim.CreateUserAsync();
        factory.Clock.Advance(TimeSpan.FromHours(1));
        var since = factory.Clock.GetUtcNow();
        await scim.CreateUserAsync();
        await scim.PatchUserJsonAsync(early["id"]!.GetValue<string>(), PatchActive(false));
        await scim.CreateUserAsync();
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var before = (await _admin.GetDeliveriesAsync(endpointId)).GetProperty("data").GetArrayLength();

        var response = await _admin.PostAsJsonAsync($"{WebhookApi.EndpointsUrl}/{endpointId}/replay", new { since }, Ct);

        await response.AssertStatusAsync(HttpStatusCode.Accepted);
        Assert.Equal(3, (await response.ReadJsonAsync()).GetProperty("queued").GetInt32());
        var deliveries = (await _admin.GetDeliveriesAsync(endpointId)).GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(before + 3, deliveries.Count);
        // Newest first: the replayed three on top, the last event first.
        var replayed = deliveries.Take(3).Reverse().ToList();
        Assert.All(replayed, item => Assert.Equal(factory.Clock.GetUtcNow(), item.GetProperty("createdAt").GetDateTimeOffset()));
        var expected = (await _admin.GetAllEventsAsync(scim.Domain))
            .Where(item => item.GetProperty("type").GetString()!.StartsWith("user.", StringComparison.Ordinal))
            .Skip(1)
            .Select(item => item.GetProperty("id").GetString())
            .ToList();
        Assert.Equal(expected, replayed.Select(item => item.GetProperty("eventId").GetString()));
        Assert.Equal(
            ["user.created", "user.deactivated", "user.created"],
            replayed.Select(item => item.GetProperty("eventType").GetString()));
    }

    [Fact]
    public async Task Replay_OfMoreEventsThanOnePage_ShouldQueueEveryEventOnce()
    {
        var (scim, endpointId) = await WebhookApi.CreateDirectoryWithEndpointAsync(factory, events: ["user.created"]);
        var since = factory.Clock.GetUtcNow();
        var created = ReplayWebhookEventsCommandHandler.PageSize + 1;
        for (var first = 0; first < created; first += 20)
        {
            await Task.WhenAll(Enumerable.Range(first, Math.Min(20, created - first)).Select(_ => scim.CreateUserAsync()));
        }

        factory.Clock.Advance(TimeSpan.FromMinutes(1));

        var response = await _admin.PostAsJsonAsync($"{WebhookApi.EndpointsUrl}/{endpointId}/replay", new { since }, Ct);

        await response.AssertStatusAsync(HttpStatusCode.Accepted);
        Assert.Equal(created, (await response.ReadJsonAsync()).GetProperty("queued").GetInt32());
        await using var scope = factory.Services.CreateAsyncScope();
        var endpoint = Guid.Parse(endpointId);
        var positions = await scope.ServiceProvider.GetRequiredService<ScimCleanDbContext>().WebhookDeliveries
            .Where(delivery => delivery.EndpointId == endpoint)
            .Select(delivery => delivery.EventPosition)
            .ToListAsync(Ct);
        // Each event: the delivery its commit queued and the one replayed, no more.
        Assert.Equal(created, positions.Distinct().Count());
        Assert.All(positions.GroupBy(position => position), sameEvent => Assert.Equal(2, sameEvent.Count()));
    }

    [Fact]
    public async Task Replay_OfOtherOrganizationsOrUnsubscribedTypes_ShouldQueueNothing()
    {
        var since = factory.Clock.GetUtcNow();
        var (scim, endpointId) = await WebhookApi.CreateDirectoryWithEndpointAsync(factory, events: ["group.user_added"]);
        await scim.CreateUserAsync();
        var other = await ScimClient.CreateAsync(factory);
        await other.CreateUserAsync();

        var response = await _admin.PostAsJsonAsync($"{WebhookApi.EndpointsUrl}/{endpointId}/replay", new { since }, Ct);

        await response.AssertStatusAsync(HttpStatusCode.Accepted);
        Assert.Equal(0, (await response.ReadJsonAsync()).GetProperty("queued").GetInt32());
    }

    [Fact]
    public async Task Replay_WhenSinceIsMissing_ShouldReturn400()
    {
        var endpoint = await _admin.CreateWebhookEndpointAsync();

        var response = await _admin.PostAsJsonAsync($"{WebhookApi.EndpointsUrl}/{endpoint.Id()}/replay", new { }, Ct);

        await response.AssertStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains("since", (await response.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_WhenEndpointIsUnknown_ShouldReturn404()
    {
        var response = await _admin.PostAsJsonAsync(
            $"{WebhookApi.EndpointsUrl}/{Guid.NewGuid()}/replay", new { since = factory.Clock.GetUtcNow() }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task DeleteEndpoint_ShouldDeleteItsDeliveries()
    {
        var (scim, endpointId) = await WebhookApi.CreateDirectoryWithEndpointAsync(factory);
        await scim.CreateUserAsync();

        await _admin.DeleteAsync($"{WebhookApi.EndpointsUrl}/{endpointId}", Ct);

        var rows = await WebhookApi.QueryDatabaseAsync(
            factory, "SELECT COUNT(*) FROM \"WebhookDeliveries\" WHERE \"EndpointId\" = @id", ("@id", factory.Database.Key(endpointId)));
        Assert.Equal("0", Assert.Single(rows));
    }

    private static System.Text.Json.Nodes.JsonObject PatchActive(bool active) => new()
    {
        ["schemas"] = new System.Text.Json.Nodes.JsonArray("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
        ["Operations"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
        {
            ["op"] = "replace",
            ["path"] = "active",
            ["value"] = active,
        }),
    };
}
