using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ScimClean.Api.IntegrationTests.Infrastructure;
using ScimClean.Api.IntegrationTests.Scim.Users;
using ScimClean.Api.IntegrationTests.Webhooks;
using ScimClean.Domain.Audit;

namespace ScimClean.Api.IntegrationTests.Audit;

/// <summary>The audit log through the real HTTP pipeline: every audited admin action once, failures never, no secret.</summary>
public sealed class AuditLogTests(AuditLogApp app) : IClassFixture<AuditLogApp>
{
    private const string AuditLogUrl = "/admin/v1/audit-log";
    private readonly ScimCleanApiFactory _factory = app.Factory;
    private readonly HttpClient _admin = app.Factory.CreateAdminClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryAuditedAction_ShouldAppearOnceWithItsFieldsAndNoSecret()
    {
        var domain = await _admin.CreateOrganizationAsync();
        var firstToken = await _admin.EnableDirectorySyncAsync(domain);
        var rotated = await _admin.PostAsJsonAsync(
            $"/admin/v1/organizations/{domain}/directory-sync/token", new { gracePeriodSeconds = 60 }, Ct);
        await rotated.AssertStatusAsync(HttpStatusCode.OK);
        var secondToken = (await rotated.ReadJsonAsync()).GetProperty("secretToken").GetString()!;
        var created = await _admin.CreateWebhookEndpointAsync(
            url: "https://app.example/hooks?credential=receiver-credential", organizations: [domain]);
        var endpointId = created.Id();
        var firstSecret = created.GetProperty("secret").GetString()!;
        var updated = await _admin.PatchAsJsonAsync($"{WebhookApi.EndpointsUrl}/{endpointId}", new { events = new[] { "user.*" } }, Ct);
        await updated.AssertStatusAsync(HttpStatusCode.OK);
        var secretRotated = await _admin.PostAsJsonAsync($"{WebhookApi.EndpointsUrl}/{endpointId}/secret", new { gracePeriodSeconds = 120 }, Ct);
        await secretRotated.AssertStatusAsync(HttpStatusCode.OK);
        var secondSecret = (await secretRotated.ReadJsonAsync()).GetProperty("secret").GetString()!;
        await new ScimClient(_factory.CreateScimClient(secondToken), domain).CreateUserAsync();
        var replay = await _admin.PostAsJsonAsync(
            $"{WebhookApi.EndpointsUrl}/{endpointId}/replay", new { since = _factory.Clock.GetUtcNow().AddHours(-1) }, Ct);
        await replay.AssertStatusAsync(HttpStatusCode.Accepted);
        var deliveryId = (await _admin.GetDeliveriesAsync(endpointId)).GetProperty("data")[0].GetProperty("id").GetString()!;
        var retry = await _admin.PostAsync($"/admin/v1/deliveries/{deliveryId}/retry", null, Ct);
        await retry.AssertStatusAsync(HttpStatusCode.Accepted);
        (await _admin.DeleteAsync($"{WebhookApi.EndpointsUrl}/{endpointId}", Ct)).EnsureSuccessStatusCode();
        (await _admin.DeleteAsync($"/admin/v1/organizations/{domain}/directory-sync", Ct)).EnsureSuccessStatusCode();
        (await _admin.DeleteAsync($"/admin/v1/organizations/{domain}", Ct)).EnsureSuccessStatusCode();

        var organizationEntries = await ReadAllAsync($"{AuditLogUrl}?organization={domain}");
        Assert.Equal(
            [AuditActions.OrganizationDeleted, AuditActions.DirectorySyncDisabled, AuditActions.DirectoryTokenRotated,
             AuditActions.DirectorySyncEnabled, AuditActions.OrganizationCreated],
            organizationEntries.Select(entry => entry.GetProperty("action").GetString()));
        Assert.All(organizationEntries, entry =>
        {
            Assert.Equal(domain, entry.GetProperty("organization").GetString());
            Assert.Equal(domain, entry.GetProperty("target").GetString());
        });
        var rotation = Assert.Single(organizationEntries, entry => entry.GetProperty("action").GetString() == AuditActions.DirectoryTokenRotated);
        Assert.Equal("previous token valid for 60 s", rotation.GetProperty("detail").GetString());

        var webhookEntries = (await ReadAllAsync($"{AuditLogUrl}?action=webhook.*"))
            .Where(entry => entry.GetProperty("target").GetString() is { } target && (target == endpointId || target == deliveryId))
            .ToList();
        Assert.Equal(
            [AuditActions.WebhookEndpointDeleted, AuditActions.WebhookDeliveryRetryRequested, AuditActions.WebhookReplayRequested,
             AuditActions.WebhookSecretRotated, AuditActions.WebhookEndpointUpdated, AuditActions.WebhookEndpointCreated],
            webhookEntries.Select(entry => entry.GetProperty("action").GetString()));
        Assert.All(webhookEntries, entry => Assert.Equal(JsonValueKind.Null, entry.GetProperty("organization").ValueKind));
        Assert.Equal("host: app.example", webhookEntries[^1].GetProperty("detail").GetString());
        Assert.Equal("changed: events", webhookEntries[^2].GetProperty("detail").GetString());
        Assert.Equal(deliveryId, webhookEntries[1].GetProperty("target").GetString());

        foreach (var entry in organizationEntries.Concat(webhookEntries))
        {
            Assert.Equal("admin", entry.GetProperty("actor").GetString());
            Assert.Equal(_factory.Clock.GetUtcNow(), entry.GetProperty("occurredAt").GetDateTimeOffset());
            Assert.True(Guid.TryParse(entry.GetProperty("id").GetString(), out _));
        }

        var everything = await (await _admin.GetAsync($"{AuditLogUrl}?limit=1000", Ct)).Content.ReadAsStringAsync(Ct);
        string[] secrets =
        [
            ScimCleanApiFactory.AdminApiKey, firstToken, secondToken, firstSecret, secondSecret,
            firstSecret["whsec_".Length..], secondSecret["whsec_".Length..], "receiver-credential",
        ];
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, everything, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FailedOrInvalidActions_ShouldWriteNoEntry()
    {
        var domain = await _admin.CreateOrganizationAsync();
        var before = await CountAsync();

        // Not found, conflict, validation failure, refused URL, unknown ids: none changes anything, none is audited.
        Assert.Equal(HttpStatusCode.Conflict, (await _admin.PostAsJsonAsync(
            "/admin/v1/organizations", new { domain, name = "Again" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _admin.PostAsJsonAsync(
            "/admin/v1/organizations", new { domain = "not a domain", name = "X" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.DeleteAsync(
            $"/admin/v1/organizations/{domain}/directory-sync", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.PostAsync(
            $"/admin/v1/organizations/{domain}/directory-sync/token", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _admin.PostAsJsonAsync(
            $"/admin/v1/organizations/{domain}/directory-sync/token", new { gracePeriodSeconds = -1 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.DeleteAsync(
            $"/admin/v1/organizations/{AdminApi.NewDomain()}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _admin.PostAsJsonAsync(
            WebhookApi.EndpointsUrl, new { url = "ftp://app.example/hooks" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.PatchAsJsonAsync(
            $"{WebhookApi.EndpointsUrl}/{Guid.NewGuid()}", new { enabled = false }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.PostAsync(
            $"{WebhookApi.EndpointsUrl}/{Guid.NewGuid()}/secret", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.PostAsJsonAsync(
            $"{WebhookApi.EndpointsUrl}/{Guid.NewGuid()}/replay", new { since = _factory.Clock.GetUtcNow() }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.DeleteAsync($"{WebhookApi.EndpointsUrl}/{Guid.NewGuid()}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.PostAsync($"/admin/v1/deliveries/{Guid.NewGuid()}/retry", null, Ct)).StatusCode);
        // Without the admin key nothing runs at all.
        using var anonymous = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.DeleteAsync($"/admin/v1/organizations/{domain}", Ct)).StatusCode);

        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Paging_ShouldWalkNewestFirstWithoutGapsOrRepeats()
    {
        var domain = await _admin.CreateOrganizationAsync();
        await _admin.EnableDirectorySyncAsync(domain);
        for (var rotation = 0; rotation < 4; rotation++)
        {
            (await _admin.PostAsync($"/admin/v1/organizations/{domain}/directory-sync/token", null, Ct)).EnsureSuccessStatusCode();
        }

        var seen = new List<JsonElement>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await GetPageAsync($"/admin/v1/organizations/{domain}/audit-log?limit=2{(cursor is null ? "" : $"&after={cursor}")}");
            seen.AddRange(page.GetProperty("data").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
            Assert.Equal(cursor is not null, page.GetProperty("hasMore").GetBoolean());
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(6, seen.Count);
        Assert.Equal(6, seen.Select(entry => entry.GetProperty("id").GetString()).Distinct().Count());
        Assert.Equal(AuditActions.OrganizationCreated, seen[^1].GetProperty("action").GetString());
        Assert.Equal(AuditActions.DirectorySyncEnabled, seen[^2].GetProperty("action").GetString());
        Assert.All(seen.Take(4), entry => Assert.Equal(AuditActions.DirectoryTokenRotated, entry.GetProperty("action").GetString()));

        var filtered = await GetPageAsync($"/admin/v1/organizations/{domain}/audit-log?action=organization.*");
        Assert.Equal(AuditActions.OrganizationCreated, Assert.Single(filtered.GetProperty("data").EnumerateArray()).GetProperty("action").GetString());
    }

    [Theory]
    [InlineData("?limit=0")]
    [InlineData("?limit=1001")]
    [InlineData("?after=not-a-cursor!")]
    [InlineData("?action=user.created")]
    [InlineData("?organization=not%20a%20domain")]
    public async Task List_WithInvalidParameters_ShouldReturn400(string query)
    {
        var response = await _admin.GetAsync(AuditLogUrl + query, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task OrganizationAuditLog_ShouldHoldOnlyThatOrganizationsEntries_And404ForAnUnknownOne()
    {
        var first = await _admin.CreateOrganizationAsync();
        var second = await _admin.CreateOrganizationAsync();
        await _admin.EnableDirectorySyncAsync(second);

        var page = await GetPageAsync($"/admin/v1/organizations/{first}/audit-log");

        var entry = Assert.Single(page.GetProperty("data").EnumerateArray());
        Assert.Equal(first, entry.GetProperty("organization").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync($"/admin/v1/organizations/{AdminApi.NewDomain()}/audit-log", Ct)).StatusCode);
        using var anonymous = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(AuditLogUrl, Ct)).StatusCode);
    }

    private async Task<JsonElement> GetPageAsync(string url)
    {
        var response = await _admin.GetAsync(url, Ct);
        await response.AssertStatusAsync(HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }

    private async Task<List<JsonElement>> ReadAllAsync(string url)
    {
        var page = await GetPageAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "limit=1000");
        Assert.False(page.GetProperty("hasMore").GetBoolean());
        return page.GetProperty("data").EnumerateArray().ToList();
    }

    private async Task<int> CountAsync() =>
        int.Parse((await WebhookApi.QueryDatabaseAsync(_factory, "SELECT COUNT(*) FROM \"AuditLog\""))[0]!, System.Globalization.CultureInfo.InvariantCulture);
}
