using System.Net;
using System.Text.Json;
using ScimClean.Api.IntegrationTests.Infrastructure;
using ScimClean.Api.IntegrationTests.Scim.Groups;
using ScimClean.Api.IntegrationTests.Webhooks;

namespace ScimClean.Api.IntegrationTests.Hardening.Isolation;

/// <summary>
/// Two organizations, A and B, each with users, a group with members, a webhook endpoint subscribed to it alone,
/// events and deliveries, all made through the real API. The dispatcher is off so deliveries stay as they are.
/// </summary>
public sealed class IsolationApp : IAsyncLifetime
{
    public IsolationApp() => Factory.Settings["Webhooks:DispatcherEnabled"] = "false";

    public ScimCleanApiFactory Factory { get; } = new();

    public HttpClient Admin { get; private set; } = null!;

    public Tenant A { get; private set; } = null!;

    public Tenant B { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Admin = Factory.CreateAdminClient();
        A = await CreateTenantAsync("Alpha");
        B = await CreateTenantAsync("Bravo");
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();

    /// <summary>A's SCIM client (A's token, A's URL).</summary>
    public ScimDirectory ScimA => A.Directory;

    public Task<string> FingerprintAsync(Tenant tenant) => TenantFingerprint.ReadAsync(Factory, tenant);

    private async Task<Tenant> CreateTenantAsync(string label)
    {
        var directory = await ScimDirectory.CreateAsync(Factory);
        var endpoint = await Admin.CreateWebhookEndpointAsync(organizations: [directory.Domain]);
        var familyName = $"{label}Family{Guid.NewGuid():N}";
        var userNames = new[] { $"first-{label.ToLowerInvariant()}@{directory.Domain}", $"second-{label.ToLowerInvariant()}@{directory.Domain}" };
        var userIds = new List<string>();
        foreach (var userName in userNames)
        {
            var body = $$"""
                {"schemas": ["{{ScimDirectory.UserSchema}}"], "userName": "{{userName}}", "externalId": "ext-{{userName}}",
                 "name": {"familyName": "{{familyName}}"}, "emails": [{"value": "{{userName}}", "primary": true}], "active": true}
                """;
            var response = await directory.PostAsync("/Users", body);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            userIds.Add((await response.ReadJsonAsync()).GetProperty("id").GetString()!);
        }

        var groupName = $"{label} Engineering {Guid.NewGuid():N}";
        var groupId = await directory.CreateGroupIdAsync(groupName, userIds[0]);
        var events = await Admin.GetAllEventsAsync(directory.Domain);
        var deliveries = (await Admin.GetDeliveriesAsync(endpoint.Id(), "?limit=1000")).GetProperty("data").EnumerateArray().ToList();
        Assert.NotEmpty(deliveries);
        return new Tenant(
            directory,
            await OrganizationIdAsync(directory.Domain),
            [.. userIds],
            userNames,
            familyName,
            groupId,
            groupName,
            endpoint.Id(),
            [.. events.Select(item => item.GetProperty("id").GetString()!)],
            [.. deliveries.Select(item => item.GetProperty("id").GetString()!)]);
    }

    private async Task<Guid> OrganizationIdAsync(string domain)
    {
        var response = await Admin.GetAsync($"/admin/v1/organizations/{domain}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>Asserts that a response body holds none of <paramref name="other"/>'s identifying values.</summary>
    public static async Task AssertMentionsNothingOfAsync(HttpResponseMessage response, Tenant other)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        foreach (var marker in other.Markers)
        {
            Assert.False(body.Contains(marker, StringComparison.OrdinalIgnoreCase), $"the response names {marker} of the other organization: {body}");
        }
    }

    public static JsonElement[] Resources(JsonElement listResponse) =>
        [.. listResponse.GetProperty("Resources").EnumerateArray()];
}
