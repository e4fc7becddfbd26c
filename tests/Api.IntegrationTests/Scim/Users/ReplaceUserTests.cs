using System.Net;
using System.Text.Json.Nodes;
using ScimClean.Api.IntegrationTests.Infrastructure;

namespace ScimClean.Api.IntegrationTests.Scim.Users;

public sealed class ReplaceUserTests(ScimCleanApiFactory factory) : IClassFixture<ScimCleanApiFactory>
{
    [Fact]
    public async Task Put_WhenValid_ShouldReplaceTheWholeResourceAndKeepIdAndCreated()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var created = await scim.CreateUserAsync(UserBodies.Full());
        var id = created["id"]!.GetValue<string>();
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var replacement = UserBodies.Minimal(displayName: "Replaced", active: false);
        replacement["id"] = Guid.NewGuid().ToString();

        var response = await scim.PutUserAsync(id, replacement);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("W/\"2\"", response.Headers.ETag?.ToString());
        foreach (var resource in new[] { await response.ReadObjectAsync(), await scim.GetUserJsonAsync(id) })
        {
            Assert.Equal(id, resource["id"]!.GetValue<string>());
            Assert.Equal(replacement["userName"]!.GetValue<string>(), resource["userName"]!.GetValue<string>());
            Assert.Equal("Replaced", resource["displayName"]!.GetValue<string>());
            Assert.False(resource["active"]!.GetValue<bool>());
            foreach (var gone in new[] { "name", "emails", "phoneNumbers", "addresses", "externalId", "title", UserBodies.EnterpriseSchema })
            {
                Assert.Null(resource[gone]);
            }

            Assert.DoesNotContain(UserBodies.EnterpriseSchema, resource["schemas"]!.AsArray().Select(s => s!.GetValue<string>()));
            var meta = resource["meta"]!;
            Assert.Equal(created["meta"]!["created"]!.GetValue<string>(), meta["created"]!.GetValue<string>());
            Assert.NotEqual(meta["created"]!.GetValue<string>(), meta["lastModified"]!.GetValue<string>());
            Assert.Equal("W/\"2\"", meta["version"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Put_WithIfMatchOfTheCurrentVersion_ShouldReturn200()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var created = await scim.CreateUserAsync();

        var response = await scim.PutUserAsync(
            created["id"]!.GetValue<string>(),
            UserBodies.Minimal(created["userName"]!.GetValue<string>(), displayName: "New"),
            ifMatch: created["meta"]!["version"]!.GetValue<string>());

        await response.AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Put_WhenIfMatchDoesNotMatch_ShouldReturn412AndChangeNothing()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var created = await scim.CreateUserAsync();
        var id = created["id"]!.GetValue<string>();

        var response = await scim.PutUserAsync(id, UserBodies.Minimal(displayName: "New"), ifMatch: "W/\"99\"");

        await response.AssertScimErrorAsync(HttpStatusCode.PreconditionFailed, "invalidVers");
        ScimResponseAssertions.AssertJsonEqual(created, await scim.GetUserJsonAsync(id));
    }

    [Fact]
    public async Task Put_WhenUserNameChangesToATakenOne_ShouldReturn409Uniqueness()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var taken = await scim.CreateUserAsync();
        var user = await scim.CreateUserAsync();

        var response = await scim.PutUserAsync(
            user["id"]!.GetValue<string>(),
            UserBodies.Minimal(taken["userName"]!.GetValue<string>().ToUpperInvariant()));

        await response.AssertScimErrorAsync(HttpStatusCode.Conflict, "uniqueness");
    }

    [Fact]
    public async Task Put_WhenUserIsUnknown_ShouldReturn404()
    {
        var scim = await ScimClient.CreateAsync(factory);

        var response = await scim.PutUserAsync(Guid.NewGuid().ToString(), UserBodies.Minimal());

        await response.AssertScimErrorAsync(HttpStatusCode.NotFound, null);
    }

    [Fact]
    public async Task Put_WithoutUserName_ShouldReturn400InvalidValue()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var created = await scim.CreateUserAsync();
        var body = new JsonObject { ["schemas"] = new JsonArray(UserBodies.CoreSchema), ["displayName"] = "x" };

        var response = await scim.PutUserAsync(created["id"]!.GetValue<string>(), body);

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
    }
}
