using System.Net;
using System.Text.Json.Nodes;
using ScimClean.Api.IntegrationTests.Infrastructure;
using ScimClean.Api.IntegrationTests.Scim.Users;
using static ScimClean.Api.IntegrationTests.Scim.Users.PatchBodies;
using static ScimClean.Api.IntegrationTests.Scim.Users.ScimResponseAssertions;

namespace ScimClean.Api.IntegrationTests.Hardening;

/// <summary>
/// A PATCH whose last operation fails applies none of them: the resource and its ETag are as before, and no event
/// reaches the outbox. Each test then sends a valid PATCH, to show that the event count would have moved.
/// </summary>
public sealed class PatchAtomicityTests(ScimCleanApiFactory factory) : IClassFixture<ScimCleanApiFactory>
{
    private const string GroupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group";

    [Theory]
    [MemberData(nameof(Dialects), MemberType = typeof(PatchBodies))]
    public async Task PatchUser_WhenTheLastOperationHasAnInvalidPath_ShouldApplyNothingAndEmitNoEvent(string dialect)
    {
        var scim = await ScimClient.CreateAsync(factory);
        var (id, before, etag) = await CreateUserAsync(scim);
        var events = await StoredRows.CountWebhookEventsAsync(factory);

        var response = await scim.PatchUserAsync(id, PatchOp(
            Op("replace", "displayName", "Changed"),
            Op("add", "emails", new JsonArray(new JsonObject { ["value"] = "new@example.com", ["type"] = "work" })),
            Op("replace", "active", false),
            Op("replace", "noSuchAttribute", "x")), dialect);

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidPath");
        await AssertUserUnchangedAsync(scim, id, before, etag, events);
    }

    [Fact]
    public async Task PatchUser_WhenTheNewUserNameIsTaken_ShouldApplyNothingAndEmitNoEvent()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var other = await scim.CreateUserAsync();
        var (id, before, etag) = await CreateUserAsync(scim);
        var events = await StoredRows.CountWebhookEventsAsync(factory);

        var response = await scim.PatchUserAsync(id, PatchOp(
            Op("replace", "displayName", "Changed"),
            Op("replace", "userName", other["userName"]!.GetValue<string>())));

        await response.AssertScimErrorAsync(HttpStatusCode.Conflict, "uniqueness");
        await AssertUserUnchangedAsync(scim, id, before, etag, events);
    }

    [Fact]
    public async Task PatchGroup_WhenAMemberIsUnknown_ShouldApplyNothingAndEmitNoEvent()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var user = (await scim.CreateUserAsync())["id"]!.GetValue<string>();
        var (id, before, etag) = await CreateGroupAsync(scim);
        var events = await StoredRows.CountWebhookEventsAsync(factory);

        var response = await PatchGroupAsync(scim, id, PatchOp(
            Op("replace", "displayName", "Renamed " + Guid.NewGuid().ToString("N")),
            Op("add", "members", new JsonArray(new JsonObject { ["value"] = user })),
            Op("add", "members", new JsonArray(new JsonObject { ["value"] = Guid.NewGuid().ToString() }))));

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
        await AssertGroupUnchangedAsync(scim, id, before, etag, events, user);
    }

    [Fact]
    public async Task PatchGroup_WhenTheNewDisplayNameIsTaken_ShouldApplyNothingAndEmitNoEvent()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var user = (await scim.CreateUserAsync())["id"]!.GetValue<string>();
        var (_, other, _) = await CreateGroupAsync(scim);
        var (id, before, etag) = await CreateGroupAsync(scim);
        var events = await StoredRows.CountWebhookEventsAsync(factory);

        var response = await PatchGroupAsync(scim, id, PatchOp(
            Op("add", "members", new JsonArray(new JsonObject { ["value"] = user })),
            Op("replace", "displayName", other["displayName"]!.GetValue<string>())));

        await response.AssertScimErrorAsync(HttpStatusCode.Conflict, "uniqueness");
        await AssertGroupUnchangedAsync(scim, id, before, etag, events, user);
    }

    [Fact]
    public async Task PatchGroup_WhenTheLastOperationHasAnInvalidPath_ShouldApplyNothingAndEmitNoEvent()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var user = (await scim.CreateUserAsync())["id"]!.GetValue<string>();
        var (id, before, etag) = await CreateGroupAsync(scim);
        var events = await StoredRows.CountWebhookEventsAsync(factory);

        var response = await PatchGroupAsync(scim, id, PatchOp(
            Op("add", "members", new JsonArray(new JsonObject { ["value"] = user })),
            Op("replace", "displayName", "Renamed " + Guid.NewGuid().ToString("N")),
            Op("replace", "noSuchAttribute", "x")));

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidPath");
        await AssertGroupUnchangedAsync(scim, id, before, etag, events, user);
    }

    private async Task AssertUserUnchangedAsync(ScimClient scim, string id, JsonObject before, string etag, long events)
    {
        var after = await scim.GetUserAsync(id);
        await after.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(etag, after.Headers.ETag?.ToString());
        AssertJsonEqual(before, await after.ReadObjectAsync());
        Assert.Equal(events, await StoredRows.CountWebhookEventsAsync(factory));

        await scim.PatchUserJsonAsync(id, Patch("replace", "displayName", "Changed"));
        Assert.True(await StoredRows.CountWebhookEventsAsync(factory) > events, "a valid PATCH should have emitted an event");
    }

    private async Task AssertGroupUnchangedAsync(ScimClient scim, string id, JsonObject before, string etag, long events, string user)
    {
        var after = await scim.SendAsync(HttpMethod.Get, $"{scim.BaseUrl}/Groups/{id}");
        await after.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(etag, after.Headers.ETag?.ToString());
        AssertJsonEqual(before, await after.ReadObjectAsync());
        Assert.Equal(events, await StoredRows.CountWebhookEventsAsync(factory));

        var valid = await PatchGroupAsync(scim, id, Patch("add", "members", new JsonArray(new JsonObject { ["value"] = user })));
        await valid.AssertStatusAsync(HttpStatusCode.NoContent);
        Assert.True(await StoredRows.CountWebhookEventsAsync(factory) > events, "a valid PATCH should have emitted an event");
    }

    private static async Task<(string Id, JsonObject Resource, string ETag)> CreateUserAsync(ScimClient scim)
    {
        var id = (await scim.CreateUserAsync(UserBodies.Full()))["id"]!.GetValue<string>();
        var response = await scim.GetUserAsync(id);
        await response.AssertStatusAsync(HttpStatusCode.OK);
        return (id, await response.ReadObjectAsync(), response.Headers.ETag!.ToString());
    }

    private static async Task<(string Id, JsonObject Resource, string ETag)> CreateGroupAsync(ScimClient scim)
    {
        var created = await scim.SendAsync(HttpMethod.Post, $"{scim.BaseUrl}/Groups", new JsonObject
        {
            ["schemas"] = new JsonArray(GroupSchema),
            ["displayName"] = "Group " + Guid.NewGuid().ToString("N"),
            ["externalId"] = "ext-" + Guid.NewGuid().ToString("N"),
        });
        await created.AssertStatusAsync(HttpStatusCode.Created);
        var id = (await created.ReadObjectAsync())["id"]!.GetValue<string>();
        var response = await scim.SendAsync(HttpMethod.Get, $"{scim.BaseUrl}/Groups/{id}");
        await response.AssertStatusAsync(HttpStatusCode.OK);
        return (id, await response.ReadObjectAsync(), response.Headers.ETag!.ToString());
    }

    private static Task<HttpResponseMessage> PatchGroupAsync(ScimClient scim, string id, JsonNode body) =>
        scim.SendAsync(HttpMethod.Patch, $"{scim.BaseUrl}/Groups/{id}", body);
}
