using System.Net;
using System.Text.Json.Nodes;
using ScimClean.Api.IntegrationTests.Infrastructure;
using static ScimClean.Api.IntegrationTests.Scim.Users.PatchBodies;
using static ScimClean.Api.IntegrationTests.Scim.Users.ScimResponseAssertions;

namespace ScimClean.Api.IntegrationTests.Scim.Users;

/// <summary>Behaviour at the edges: odd bodies, projections, versions, passwords through PUT and PATCH.</summary>
public sealed class UserEdgeCaseTests(ScimCleanApiFactory factory) : IClassFixture<ScimCleanApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("\"user\"")]
    [InlineData("{\"userName\":\"a@example.com\",\"userName\":\"b@example.com\"}")]
    public async Task Post_WhenTheBodyIsNotASingleJsonObject_ShouldReturn400InvalidSyntax(string body)
    {
        var scim = await ScimClient.CreateAsync(factory);

        var response = await scim.SendRawAsync(HttpMethod.Post, scim.UsersUrl, body);

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidSyntax");
    }

    [Fact]
    public async Task Post_WhenTheBodyIsNestedTooDeeply_ShouldReturn400InvalidSyntax()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var body = "{\"userName\":\"deep@example.com\",\"urn:acme:x\":" + new string('[', 200) + new string(']', 200) + "}";

        var response = await scim.SendRawAsync(HttpMethod.Post, scim.UsersUrl, body);

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidSyntax");
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("")]
    public async Task Post_WithABlankUserName_ShouldReturn400InvalidValue(string userName)
    {
        var scim = await ScimClient.CreateAsync(factory);

        var response = await scim.PostUserAsync(UserBodies.Minimal(userName));

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
    }

    [Fact]
    public async Task Post_WithATooLongUserName_ShouldReturn400InvalidValue()
    {
        var scim = await ScimClient.CreateAsync(factory);

        var response = await scim.PostUserAsync(UserBodies.Minimal(new string('a', 513)));

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
    }

    [Theory]
    [InlineData("\"yes\"")]
    [InlineData("1")]
    public async Task Post_WithActiveThatIsNoBoolean_ShouldReturn400InvalidValue(string active)
    {
        var scim = await ScimClient.CreateAsync(factory);

        var response = await scim.PostUserAsync(UserBodies.Minimal(active: JsonNode.Parse(active)));

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
    }

    [Fact]
    public async Task Post_WithoutActive_ShouldReturnTheUserActive()
    {
        var scim = await ScimClient.CreateAsync(factory);

        var created = await scim.CreateUserAsync(UserBodies.Minimal());

        Assert.NotEqual(false, created["active"]?.GetValue<bool>());
    }

    [Fact]
    public async Task Post_WithAttributeNamesInAnyCase_ShouldStoreTheSchemaSpelling()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var body = new JsonObject
        {
            ["schemas"] = new JsonArray(UserBodies.CoreSchema),
            ["USERNAME"] = UserBodies.NewUserName(),
            ["DisplayName"] = "Cased",
            ["Emails"] = new JsonArray(new JsonObject { ["Value"] = "c@example.com", ["TYPE"] = "work" }),
        };

        var created = await scim.CreateUserAsync(body);

        Assert.Equal(body["USERNAME"]!.GetValue<string>(), created["userName"]!.GetValue<string>());
        Assert.Equal("Cased", created["displayName"]!.GetValue<string>());
        AssertJsonEqual(new JsonArray(new JsonObject { ["value"] = "c@example.com", ["type"] = "work" }), created["emails"]);
    }

    [Fact]
    public async Task Get_WithSubAttributeAndExtensionAttributeRequested_ShouldReturnOnlyThose()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var created = await scim.CreateUserAsync(UserBodies.Full());

        var response = await scim.GetUserAsync(
            created["id"]!.GetValue<string>(),
            $"?attributes=emails.value,{UserBodies.EnterpriseSchema}:department");

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var body = await response.ReadObjectAsync();
        AssertJsonEqual(
            new JsonArray(new JsonObject { ["value"] = "bjensen@example.com" }, new JsonObject { ["value"] = "babs@jensen.org" }),
            body["emails"]);
        AssertJsonEqual(new JsonObject { ["department"] = "Tour Operations" }, body[UserBodies.EnterpriseSchema]);
        Assert.Null(body["userName"]);
        Assert.Null(body["name"]);
        Assert.NotNull(body["id"]);
    }

    [Fact]
    public async Task Get_WithIdExcluded_ShouldStillReturnTheId()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var id = (await scim.CreateUserAsync())["id"]!.GetValue<string>();

        var body = await (await scim.GetUserAsync(id, "?excludedAttributes=id,userName")).ReadObjectAsync();

        Assert.Equal(id, body["id"]?.GetValue<string>());
        Assert.Null(body["userName"]);
    }

    [Fact]
    public async Task Get_WithIfNoneMatchStar_ShouldReturn304()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var id = (await scim.CreateUserAsync())["id"]!.GetValue<string>();

        var response = await scim.GetUserAsync(id, ifNoneMatch: "*");

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task Patch_ShouldReturnTheNewETagAndMoveLastModifiedOnly()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var created = await scim.CreateUserAsync();
        var id = created["id"]!.GetValue<string>();
        factory.Clock.Advance(TimeSpan.FromMinutes(3));

        var response = await scim.PatchUserAsync(id, Patch("replace", "displayName", "Later"), ifMatch: "W/\"1\"");

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("W/\"2\"", response.Headers.ETag?.ToString());
        var meta = (await response.ReadObjectAsync())["meta"]!;
        Assert.Equal(created["meta"]!["created"]!.GetValue<string>(), meta["created"]!.GetValue<string>());
        Assert.Equal(
            factory.Clock.GetUtcNow(),
            DateTimeOffset.Parse(meta["lastModified"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Patch_ChangingOnlyTheCaseOfTheOwnUserName_ShouldSucceed()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var userName = "mixed-" + Guid.NewGuid().ToString("N") + "@example.com";
        var id = (await scim.CreateUserAsync(UserBodies.Minimal(userName)))["id"]!.GetValue<string>();

        var patched = await scim.PatchUserJsonAsync(id, Patch("replace", "userName", userName.ToUpperInvariant()));

        Assert.Equal(userName.ToUpperInvariant(), patched["userName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_ReplaceOfAComplexAttribute_ShouldKeepSubAttributesNotSent()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var id = (await scim.CreateUserAsync(UserBodies.Full()))["id"]!.GetValue<string>();

        var patched = await scim.PatchUserJsonAsync(id, Patch("replace", "name", new JsonObject { ["givenName"] = "Babs" }));

        Assert.Equal("Babs", patched["name"]!["givenName"]!.GetValue<string>());
        Assert.Equal("Jensen", patched["name"]!["familyName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_PathlessAddOfAnEmailsArray_ShouldAppendToTheExistingEmails()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var id = (await scim.CreateUserAsync(UserBodies.Minimal(emails: new JsonArray(
            new JsonObject { ["value"] = "a@example.com", ["type"] = "work" }))))["id"]!.GetValue<string>();

        var patched = await scim.PatchUserJsonAsync(id, Patch("add", null, new JsonObject
        {
            ["emails"] = new JsonArray(new JsonObject { ["value"] = "b@example.com", ["type"] = "home" }),
        }));

        AssertJsonEqual(
            new JsonArray(
                new JsonObject { ["value"] = "a@example.com", ["type"] = "work" },
                new JsonObject { ["value"] = "b@example.com", ["type"] = "home" }),
            patched["emails"]);
    }

    [Fact]
    public async Task Patch_OfADeletedUser_ShouldReturn404()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var id = (await scim.CreateUserAsync())["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NoContent, (await scim.DeleteUserAsync(id)).StatusCode);

        var patch = await scim.PatchUserAsync(id, Patch("replace", "displayName", "x"));
        var put = await scim.PutUserAsync(id, UserBodies.Minimal());

        await patch.AssertScimErrorAsync(HttpStatusCode.NotFound, null);
        await put.AssertScimErrorAsync(HttpStatusCode.NotFound, null);
    }

    [Fact]
    public async Task Patch_WithAnotherOrganizationsUserId_ShouldReturn404AndChangeNothing()
    {
        var owner = await ScimClient.CreateAsync(factory);
        var other = await ScimClient.CreateAsync(factory);
        var created = await owner.CreateUserAsync();
        var id = created["id"]!.GetValue<string>();

        var response = await other.PatchUserAsync(id, Patch("replace", "displayName", "hijacked"));
        var put = await other.PutUserAsync(id, UserBodies.Minimal());

        await response.AssertScimErrorAsync(HttpStatusCode.NotFound, null);
        await put.AssertScimErrorAsync(HttpStatusCode.NotFound, null);
        AssertJsonEqual(created, await owner.GetUserJsonAsync(id));
    }

    [Fact]
    public async Task PutAndPatch_WithPassword_ShouldChangeTheStoredHashButNeverReturnOrStoreTheClearText()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var created = await scim.CreateUserAsync(UserBodies.Minimal(password: "First-Pa55word!"));
        var id = created["id"]!.GetValue<string>();
        var first = await StoredUsers.ReadAsync(factory, id);

        var put = await scim.PutUserAsync(id, UserBodies.Minimal(created["userName"]!.GetValue<string>(), password: "Second-Pa55word!"));
        var second = await StoredUsers.ReadAsync(factory, id);
        var patch = await scim.PatchUserAsync(id, Patch("replace", "password", "Third-Pa55word!"));
        var third = await StoredUsers.ReadAsync(factory, id);

        await put.AssertStatusAsync(HttpStatusCode.OK);
        await patch.AssertStatusAsync(HttpStatusCode.OK);
        foreach (var response in new[] { put, patch })
        {
            Assert.DoesNotContain("password", await response.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);
        }

        foreach (var stored in new[] { first, second, third })
        {
            Assert.DoesNotContain("Pa55word", stored.Document, StringComparison.Ordinal);
            Assert.DoesNotContain("password", stored.Document, StringComparison.OrdinalIgnoreCase);
            Assert.False(string.IsNullOrEmpty(stored.PasswordHash));
            Assert.DoesNotContain("Pa55word", stored.PasswordHash!, StringComparison.Ordinal);
        }

        Assert.NotEqual(first.PasswordHash, second.PasswordHash);
        Assert.NotEqual(second.PasswordHash, third.PasswordHash);
    }

    [Fact]
    public async Task Put_WithoutPassword_ShouldKeepTheStoredHash()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var created = await scim.CreateUserAsync(UserBodies.Minimal(password: "Kept-Pa55word!"));
        var id = created["id"]!.GetValue<string>();
        var before = await StoredUsers.ReadAsync(factory, id);

        var put = await scim.PutUserAsync(id, UserBodies.Minimal(created["userName"]!.GetValue<string>(), displayName: "x"));

        await put.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(before.PasswordHash, (await StoredUsers.ReadAsync(factory, id)).PasswordHash);
    }
}
