using System.Net;
using System.Text.Json.Nodes;
using ScimClean.Api.IntegrationTests.Infrastructure;
using static ScimClean.Api.IntegrationTests.Scim.Users.PatchBodies;
using static ScimClean.Api.IntegrationTests.Scim.Users.ScimResponseAssertions;

namespace ScimClean.Api.IntegrationTests.Scim.Users;

/// <summary>RFC 7644 §3.5.2 rules a PATCH must keep beyond the request shapes: primaries, idempotent adds, empty leftovers.</summary>
public sealed class PatchUserSemanticsTests(ScimCleanApiFactory factory) : IClassFixture<ScimCleanApiFactory>
{
    [Fact]
    public async Task Patch_SettingPrimaryOnAnotherEmail_ShouldClearTheOldPrimary()
    {
        var (scim, id) = await CreateAsync(UserBodies.Minimal(emails: new JsonArray(
            new JsonObject { ["value"] = "a@example.com", ["type"] = "work", ["primary"] = true },
            new JsonObject { ["value"] = "b@example.com", ["type"] = "home" })));

        var patched = await scim.PatchUserJsonAsync(id, Patch("replace", "emails[type eq \"home\"].primary", true));

        var emails = patched["emails"]!.AsArray();
        var primary = Assert.Single(emails, email => email!["primary"]?.GetValue<bool>() == true);
        Assert.Equal("b@example.com", primary!["value"]!.GetValue<string>());
        AssertJsonEqual(patched, await scim.GetUserJsonAsync(id));
    }

    [Fact]
    public async Task Patch_AddingAPrimaryEmail_ShouldClearTheOldPrimary()
    {
        var (scim, id) = await CreateAsync(UserBodies.Minimal(emails: new JsonArray(
            new JsonObject { ["value"] = "a@example.com", ["type"] = "work", ["primary"] = true })));

        var patched = await scim.PatchUserJsonAsync(id, Patch("add", "emails", new JsonArray(
            new JsonObject { ["value"] = "b@example.com", ["type"] = "home", ["primary"] = true })));

        var emails = patched["emails"]!.AsArray();
        Assert.Equal(2, emails.Count);
        var primary = Assert.Single(emails, email => email!["primary"]?.GetValue<bool>() == true);
        Assert.Equal("b@example.com", primary!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_AddingAnEmailThatIsAlreadyThere_ShouldChangeNothing()
    {
        var email = new JsonObject { ["value"] = "a@example.com", ["type"] = "work" };
        var (scim, id) = await CreateAsync(UserBodies.Minimal(emails: new JsonArray(email.DeepClone())));

        var patched = await scim.PatchUserJsonAsync(id, Patch("add", "emails", new JsonArray(email.DeepClone())));

        AssertJsonEqual(new JsonArray(email.DeepClone()), patched["emails"]);
        Assert.Equal("W/\"1\"", patched["meta"]!["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_RemovingTheLastSubAttribute_ShouldRemoveTheComplexAttribute()
    {
        var body = UserBodies.Minimal();
        body["name"] = new JsonObject { ["givenName"] = "Only" };
        var (scim, id) = await CreateAsync(body);

        var patched = await scim.PatchUserJsonAsync(id, PatchOp(Op("remove", "name.givenName", hasValue: false)));

        Assert.Null(patched["name"]);
    }

    [Fact]
    public async Task Patch_RemovingTheLastFilteredValue_ShouldRemoveTheAttribute()
    {
        var (scim, id) = await CreateAsync(UserBodies.Minimal(emails: new JsonArray(
            new JsonObject { ["value"] = "a@example.com", ["type"] = "work" })));

        var patched = await scim.PatchUserJsonAsync(id, PatchOp(Op("remove", "emails[type eq \"work\"]", hasValue: false)));

        Assert.Null(patched["emails"]);
    }

    [Fact]
    public async Task Patch_ReplacingAMultiValuedAttributeWithAnEmptyArray_ShouldClearIt()
    {
        var (scim, id) = await CreateAsync(UserBodies.Minimal(emails: new JsonArray(
            new JsonObject { ["value"] = "a@example.com", ["type"] = "work" })));

        var patched = await scim.PatchUserJsonAsync(id, Patch("replace", "emails", new JsonArray()));

        Assert.Null(patched["emails"]);
    }

    [Fact]
    public async Task Patch_WithAnAndFilter_ShouldTargetOnlyTheMatchingElement()
    {
        var (scim, id) = await CreateAsync(UserBodies.Minimal(emails: new JsonArray(
            new JsonObject { ["value"] = "a@example.com", ["type"] = "work", ["primary"] = true },
            new JsonObject { ["value"] = "b@example.com", ["type"] = "work" })));

        var patched = await scim.PatchUserJsonAsync(
            id, Patch("replace", "emails[type eq \"work\" and primary eq true].value", "c@example.com"));

        AssertJsonEqual(
            new JsonArray(
                new JsonObject { ["value"] = "c@example.com", ["type"] = "work", ["primary"] = true },
                new JsonObject { ["value"] = "b@example.com", ["type"] = "work" }),
            patched["emails"]);
    }

    [Theory]
    [InlineData("\"True\"")]
    [InlineData("\"true\"")]
    public async Task Post_WithTwoPrimariesOneOfThemAString_ShouldReturn400InvalidValue(string primary)
    {
        var scim = await ScimClient.CreateAsync(factory);
        var emails = new JsonArray(
            new JsonObject { ["value"] = "a@example.com", ["primary"] = JsonNode.Parse(primary) },
            new JsonObject { ["value"] = "b@example.com", ["primary"] = true });

        var response = await scim.PostUserAsync(UserBodies.Minimal(emails: emails));

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
    }

    private async Task<(ScimClient Scim, string Id)> CreateAsync(JsonObject body)
    {
        var scim = await ScimClient.CreateAsync(factory);
        var created = await scim.CreateUserAsync(body);
        return (scim, created["id"]!.GetValue<string>());
    }
}
