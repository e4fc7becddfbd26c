using System.Net;
using System.Text.Json.Nodes;
using ScimClean.Api.IntegrationTests.Infrastructure;
using static ScimClean.Api.IntegrationTests.Scim.Users.PatchBodies;
using static ScimClean.Api.IntegrationTests.Scim.Users.ScimResponseAssertions;

namespace ScimClean.Api.IntegrationTests.Scim.Users;

/// <summary>PATCH requests that must fail, with the RFC 7644 §3.12 scimType, and change nothing.</summary>
public sealed class PatchUserErrorTests(ScimCleanApiFactory factory) : IClassFixture<ScimCleanApiFactory>
{
    [Theory]
    [MemberData(nameof(Dialects), MemberType = typeof(PatchBodies))]
    public async Task Patch_WhenTheSecondOperationIsInvalid_ShouldReturn400AndApplyNothing(string dialect)
    {
        var (scim, created) = await CreateAsync();
        var id = created["id"]!.GetValue<string>();

        var response = await scim.PatchUserAsync(id, PatchOp(
            Op("replace", "displayName", "Changed"),
            Op("replace", "noSuchAttribute", "x")), dialect);

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidPath");
        AssertJsonEqual(created, await scim.GetUserJsonAsync(id));
    }

    [Theory]
    [MemberData(nameof(Dialects), MemberType = typeof(PatchBodies))]
    public async Task Patch_WithAnUnknownAttribute_ShouldReturn400InvalidPath(string dialect)
    {
        var (scim, created) = await CreateAsync();

        var response = await scim.PatchUserAsync(created["id"]!.GetValue<string>(), Patch("replace", "favouriteColour", "blue"), dialect);

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidPath");
    }

    [Theory]
    [MemberData(nameof(Dialects), MemberType = typeof(PatchBodies))]
    public async Task Patch_RemoveWithoutPath_ShouldReturn400NoTarget(string dialect)
    {
        var (scim, created) = await CreateAsync();

        var response = await scim.PatchUserAsync(created["id"]!.GetValue<string>(), PatchOp(Op("remove", null, hasValue: false)), dialect);

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "noTarget");
    }

    [Theory]
    [InlineData("id", "\"00000000-0000-0000-0000-000000000001\"")]
    [InlineData("meta", "{\"resourceType\":\"Group\"}")]
    [InlineData("meta.created", "\"2001-01-01T00:00:00Z\"")]
    public async Task Patch_ReplacingAReadOnlyAttribute_ShouldReturn400Mutability(string path, string value)
    {
        var (scim, created) = await CreateAsync();
        var id = created["id"]!.GetValue<string>();

        var response = await scim.PatchUserAsync(id, Patch("replace", path, JsonNode.Parse(value)));

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "mutability");
        AssertJsonEqual(created, await scim.GetUserJsonAsync(id));
    }

    [Fact]
    public async Task Patch_PathlessReplaceOfId_ShouldReturn400Mutability()
    {
        var (scim, created) = await CreateAsync();
        var id = created["id"]!.GetValue<string>();

        var response = await scim.PatchUserAsync(id, Patch("replace", null, new JsonObject { ["id"] = Guid.NewGuid().ToString() }));

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "mutability");
        await scim.GetUserJsonAsync(id);
    }

    [Theory]
    [InlineData("{\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"x\"}]}")]
    [InlineData("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]}")]
    [InlineData("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"move\",\"path\":\"displayName\"}]}")]
    [InlineData("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"x\"}")]
    public async Task Patch_WhenTheBodyIsNotAPatchOp_ShouldReturn400InvalidSyntax(string body)
    {
        var (scim, created) = await CreateAsync();

        var response = await scim.SendRawAsync(HttpMethod.Patch, $"{scim.UsersUrl}/{created["id"]!.GetValue<string>()}", body);

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidSyntax");
    }

    [Theory]
    [InlineData("\"maybe\"")]
    [InlineData("42")]
    [InlineData("{\"value\":true}")]
    public async Task Patch_ActiveWithANonBoolean_ShouldReturn400InvalidValue(string value)
    {
        var (scim, created) = await CreateAsync();
        var id = created["id"]!.GetValue<string>();

        var response = await scim.PatchUserAsync(id, Patch("replace", "active", JsonNode.Parse(value)));

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
        AssertJsonEqual(created, await scim.GetUserJsonAsync(id));
    }

    [Fact]
    public async Task Patch_MakingASecondPrimaryEmail_ShouldReturn400InvalidValue()
    {
        var (scim, created) = await CreateAsync(UserBodies.Minimal(emails: new JsonArray(
            new JsonObject { ["value"] = "a@example.com", ["type"] = "work", ["primary"] = true },
            new JsonObject { ["value"] = "b@example.com", ["type"] = "home" })));

        var response = await scim.PatchUserAsync(
            created["id"]!.GetValue<string>(), Patch("replace", "emails[type eq \"home\"].primary", true));

        // RFC 7644 §3.5.2 lets the server clear the other primary instead; either way, never two primaries.
        if (response.StatusCode == HttpStatusCode.OK)
        {
            var emails = (await response.ReadObjectAsync())["emails"]!.AsArray();
            Assert.Single(emails, email => email!["primary"]?.GetValue<bool>() == true);
        }
        else
        {
            await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
        }
    }

    [Fact]
    public async Task Patch_WithMoreThan1000Operations_ShouldReturn400TooMany()
    {
        var (scim, created) = await CreateAsync();
        var operations = Enumerable.Range(0, 1001).Select(i => Op("replace", "displayName", $"name {i}")).ToArray();

        var response = await scim.PatchUserAsync(created["id"]!.GetValue<string>(), PatchOp(operations));

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "tooMany");
    }

    [Fact]
    public async Task Patch_WithExactly1000Operations_ShouldApplyThem()
    {
        var (scim, created) = await CreateAsync();
        var operations = Enumerable.Range(0, 1000).Select(i => Op("replace", "displayName", $"name {i}")).ToArray();

        var patched = await scim.PatchUserJsonAsync(created["id"]!.GetValue<string>(), PatchOp(operations));

        Assert.Equal("name 999", patched["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_WhenUserNameChangesToATakenOne_ShouldReturn409Uniqueness()
    {
        var (scim, taken) = await CreateAsync();
        var user = await scim.CreateUserAsync();

        var response = await scim.PatchUserAsync(
            user["id"]!.GetValue<string>(), Patch("replace", "userName", taken["userName"]!.GetValue<string>().ToUpperInvariant()));

        await response.AssertScimErrorAsync(HttpStatusCode.Conflict, "uniqueness");
    }

    [Fact]
    public async Task Patch_RemovingUserName_ShouldReturn400AndKeepIt()
    {
        var (scim, created) = await CreateAsync();
        var id = created["id"]!.GetValue<string>();

        var response = await scim.PatchUserAsync(id, PatchOp(Op("remove", "userName", hasValue: false)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertJsonEqual(created, await scim.GetUserJsonAsync(id));
    }

    [Fact]
    public async Task Patch_WhenIfMatchDoesNotMatch_ShouldReturn412()
    {
        var (scim, created) = await CreateAsync();

        var response = await scim.PatchUserAsync(
            created["id"]!.GetValue<string>(), Patch("replace", "displayName", "x"), ifMatch: "W/\"5\"");

        await response.AssertScimErrorAsync(HttpStatusCode.PreconditionFailed, "invalidVers");
    }

    [Theory]
    [InlineData("0197a1c2-0000-7000-8000-000000000000")]
    [InlineData("not-a-guid")]
    public async Task Patch_WhenUserIsUnknown_ShouldReturn404(string id)
    {
        var scim = await ScimClient.CreateAsync(factory);

        var response = await scim.PatchUserAsync(id, Patch("replace", "displayName", "x"));

        await response.AssertScimErrorAsync(HttpStatusCode.NotFound, null);
    }

    private async Task<(ScimClient Scim, JsonObject Created)> CreateAsync(JsonObject? body = null)
    {
        var scim = await ScimClient.CreateAsync(factory);
        return (scim, await scim.CreateUserAsync(body ?? UserBodies.Full()));
    }
}
