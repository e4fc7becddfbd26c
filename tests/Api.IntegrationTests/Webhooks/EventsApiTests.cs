using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScimClean.Api.IntegrationTests.Infrastructure;
using ScimClean.Api.IntegrationTests.Scim.Users;

namespace ScimClean.Api.IntegrationTests.Webhooks;

public sealed class EventsApiTests(ScimCleanApiFactory factory) : IClassFixture<ScimCleanApiFactory>
{
    private readonly HttpClient _admin = factory.CreateAdminClient();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_WithCursor_ShouldPageWithoutDuplicatesOrGapsAndStayStable()
    {
        var scim = await ScimClient.CreateAsync(factory);
        for (var i = 0; i < 4; i++)
        {
            var user = await scim.CreateUserAsync();
            await scim.PatchUserJsonAsync(user["id"]!.GetValue<string>(), PatchReplace("displayName", $"User {i}"));
        }

        var all = (await _admin.GetAllEventsAsync(scim.Domain)).Select(item => item.GetProperty("id").GetString()).ToList();
        var paged = new List<string?>();
        string? cursor = null;
        var firstPage = string.Empty;
        for (var pages = 0; pages < 20; pages++)
        {
            var response = await GetEventsAsync($"?organization={scim.Domain}&limit=3{(cursor is null ? "" : $"&after={cursor}")}");
            var body = await response.ReadJsonAsync();
            if (pages == 0)
            {
                firstPage = body.GetProperty("data").GetRawText();
            }

            paged.AddRange(body.GetProperty("data").EnumerateArray().Select(item => item.GetProperty("id").GetString()));
            cursor = body.GetProperty("nextCursor").GetString();
            if (!body.GetProperty("hasMore").GetBoolean())
            {
                break;
            }
        }

        // directory.enabled, then created + updated per user.
        Assert.Equal(9, all.Count);
        Assert.Equal(all, paged);
        var again = await (await GetEventsAsync($"?organization={scim.Domain}&limit=3")).ReadJsonAsync();
        Assert.Equal(firstPage, again.GetProperty("data").GetRawText());
    }

    [Fact]
    public async Task List_AfterTheLastCursor_ShouldReturnOnlyNewEvents()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var first = await (await GetEventsAsync($"?organization={scim.Domain}")).ReadJsonAsync();
        var cursor = first.GetProperty("nextCursor").GetString();

        var empty = await (await GetEventsAsync($"?organization={scim.Domain}&after={cursor}")).ReadJsonAsync();
        var user = await scim.CreateUserAsync();
        var next = await (await GetEventsAsync($"?organization={scim.Domain}&after={cursor}")).ReadJsonAsync();

        Assert.Equal(0, empty.GetProperty("data").GetArrayLength());
        Assert.False(empty.GetProperty("hasMore").GetBoolean());
        Assert.Equal(cursor, empty.GetProperty("nextCursor").GetString());
        var created = Assert.Single(next.GetProperty("data").EnumerateArray());
        Assert.Equal(user["id"]!.GetValue<string>(), created.GetProperty("data").GetProperty("id").GetString());
    }

    [Fact]
    public async Task List_WithOrganization_ShouldReturnOnlyThatOrganizationsEvents()
    {
        var a = await ScimClient.CreateAsync(factory);
        var b = await ScimClient.CreateAsync(factory);
        await a.CreateUserAsync();
        await b.CreateUserAsync();

        var ofA = await _admin.GetAllEventsAsync(a.Domain.ToUpperInvariant());

        Assert.Equal(2, ofA.Count);
        Assert.All(ofA, item => Assert.Equal(a.Domain, item.GetProperty("organization").GetString()));
    }

    [Theory]
    [InlineData("user.created", new[] { "user.created", "user.created" })]
    [InlineData("user.*", new[] { "user.created", "user.created", "user.deactivated" })]
    [InlineData("directory.*", new[] { "directory.enabled" })]
    [InlineData("*", new[] { "directory.enabled", "user.created", "user.created", "user.deactivated" })]
    public async Task List_WithType_ShouldReturnOnlyMatchingEvents(string type, string[] expected)
    {
        var scim = await ScimClient.CreateAsync(factory);
        var user = await scim.CreateUserAsync();
        await scim.CreateUserAsync();
        await scim.PatchUserJsonAsync(user["id"]!.GetValue<string>(), PatchReplace("active", false));

        var body = await (await GetEventsAsync($"?organization={scim.Domain}&type={type}")).ReadJsonAsync();

        Assert.Equal(expected, body.GetProperty("data").EnumerateArray().Select(item => item.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task List_ShouldReturnPayloadsWithTheContractFieldsExactlyAsStored()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var user = await scim.CreateUserAsync(UserBodies.Minimal(externalId: "ext-1"));
        var id = user["id"]!.GetValue<string>();

        var events = await _admin.GetAllEventsAsync(scim.Domain);

        var created = Assert.Single(events, item => item.GetProperty("type").GetString() == "user.created");
        Assert.StartsWith("evt_", created.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal(scim.Domain, created.GetProperty("organization").GetString());
        Assert.Equal(1, created.GetProperty("sequence").GetInt64());
        Assert.Equal(factory.Clock.GetUtcNow(), created.GetProperty("timestamp").GetDateTimeOffset());
        Assert.EndsWith("Z", created.GetProperty("timestamp").GetString(), StringComparison.Ordinal);
        var data = created.GetProperty("data");
        Assert.Equal(id, data.GetProperty("id").GetString());
        Assert.Equal(user["userName"]!.GetValue<string>(), data.GetProperty("userName").GetString());
        Assert.Equal("ext-1", data.GetProperty("externalId").GetString());
        Assert.False(created.TryGetProperty("previousAttributes", out _));
        var stored = await WebhookApi.QueryDatabaseAsync(
            factory, "SELECT \"Payload\" FROM \"WebhookEvents\" WHERE \"Id\" = @id", ("@id", created.GetProperty("id").GetString()!));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Assert.Single(stored)!), JsonNode.Parse(created.GetRawText())));
    }

    [Fact]
    public async Task PatchActiveFalse_ShouldBeAUserDeactivatedEventWithPreviousAttributes()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var user = await scim.CreateUserAsync(UserBodies.Minimal(active: true));
        var id = user["id"]!.GetValue<string>();

        await scim.PatchUserJsonAsync(id, PatchReplace("active", false));
        await scim.PatchUserJsonAsync(id, PatchReplace("displayName", "Renamed"));

        var events = (await _admin.GetAllEventsAsync(scim.Domain))
            .Where(item => item.GetProperty("data").TryGetProperty("id", out var dataId) && dataId.GetString() == id)
            .ToList();
        Assert.Equal(["user.created", "user.deactivated", "user.updated"], events.Select(item => item.GetProperty("type").GetString()));
        Assert.Equal([1L, 2L, 3L], events.Select(item => item.GetProperty("sequence").GetInt64()));
        var deactivated = events[1];
        Assert.False(deactivated.GetProperty("data").GetProperty("active").GetBoolean());
        Assert.True(deactivated.GetProperty("previousAttributes").GetProperty("active").GetBoolean());
        var updated = events[2];
        Assert.Equal("Renamed", updated.GetProperty("data").GetProperty("displayName").GetString());
        Assert.True(updated.TryGetProperty("previousAttributes", out var previous));
        Assert.Equal(JsonValueKind.Object, previous.ValueKind);
        Assert.False(previous.TryGetProperty("active", out _));
    }

    [Theory]
    [InlineData("?after=not-a-cursor")]
    [InlineData("?after=AAAA")]
    [InlineData("?after=%2F%2F%2F%2F")]
    [InlineData("?limit=0")]
    [InlineData("?limit=1001")]
    [InlineData("?limit=ten")]
    [InlineData("?type=user.exploded")]
    [InlineData("?type=nothing.*")]
    [InlineData("?organization=not%20a%20domain")]
    public async Task List_WhenQueryIsInvalid_ShouldReturn400ProblemDetails(string query)
    {
        var response = await GetEventsAsync(query);

        await response.AssertStatusAsync(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<HttpResponseMessage> GetEventsAsync(string query) => await _admin.GetAsync($"/admin/v1/events{query}", Ct);

    private static JsonObject PatchReplace(string path, JsonNode value) => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
        ["Operations"] = new JsonArray(new JsonObject { ["op"] = "replace", ["path"] = path, ["value"] = value }),
    };
}
