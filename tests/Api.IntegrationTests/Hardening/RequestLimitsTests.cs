using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ScimClean.Api.IntegrationTests.Scim.Users;
using static ScimClean.Api.IntegrationTests.Scim.Users.PatchBodies;

namespace ScimClean.Api.IntegrationTests.Hardening;

/// <summary>Every <c>Scim:Limits</c> limit, reached through HTTP: a 4xx SCIM error, never a 500 or a hang.</summary>
public sealed class RequestLimitsTests(LimitsFixture fixture) : IClassFixture<LimitsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_WhenContentLengthExceedsMaxRequestBodyBytes_ShouldReturn413ScimError()
    {
        var scim = await ScimClient.CreateAsync(fixture.Factory);

        var response = await scim.SendRawAsync(HttpMethod.Post, scim.UsersUrl, OversizedUserJson());

        await response.AssertScimErrorAsync(HttpStatusCode.RequestEntityTooLarge, null);
    }

    [Fact]
    public async Task Post_WhenChunkedBodyExceedsMaxRequestBodyBytes_ShouldReturn413ScimError()
    {
        var scim = await ScimClient.CreateAsync(fixture.Factory);
        using var request = new HttpRequestMessage(HttpMethod.Post, scim.UsersUrl)
        {
            Content = new UnknownLengthContent(OversizedUserJson(), ScimClient.MediaType),
        };

        var response = await scim.Http.SendAsync(request, Ct);

        await response.AssertScimErrorAsync(HttpStatusCode.RequestEntityTooLarge, null);
    }

    [Fact]
    public async Task Patch_WhenBodyExceedsMaxRequestBodyBytes_ShouldReturn413AndChangeNothing()
    {
        var scim = await ScimClient.CreateAsync(fixture.Factory);
        var created = await scim.CreateUserAsync();
        var id = created["id"]!.GetValue<string>();
        var operations = Enumerable.Range(0, 400).Select(i => Op("replace", "displayName", new string('x', 100))).ToArray();

        var response = await scim.PatchUserAsync(id, PatchOp(operations));

        await response.AssertScimErrorAsync(HttpStatusCode.RequestEntityTooLarge, null);
        ScimResponseAssertions.AssertJsonEqual(created, await scim.GetUserJsonAsync(id));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AdminPost_WhenBodyExceedsMaxRequestBodyBytes_ShouldReturn413ProblemDetails(bool chunked)
    {
        var admin = fixture.Factory.CreateAdminClient();
        var json = $$"""{"domain": "big.example.com", "name": "{{new string('n', LimitsFixture.MaxRequestBodyBytes)}}"}""";
        HttpContent content = chunked
            ? new UnknownLengthContent(json, "application/json")
            : new StringContent(json, Encoding.UTF8, "application/json");

        var response = await admin.PostAsync("/admin/v1/organizations", content, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.Equal(413, problem!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task Post_WhenAStringValueIsTooLong_ShouldReturn400InvalidValueNamingTheAttribute()
    {
        var scim = await ScimClient.CreateAsync(fixture.Factory);
        var body = UserBodies.Minimal(displayName: new string('d', LimitsFixture.MaxAttributeValueLength + 1));

        var response = await scim.PostUserAsync(body);

        var error = await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
        Assert.Contains("'displayName'", error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WhenANestedStringValueIsTooLong_ShouldNameItsPath()
    {
        var scim = await ScimClient.CreateAsync(fixture.Factory);
        var body = UserBodies.Minimal(emails: new JsonArray(
            new JsonObject { ["value"] = "a@example.com" },
            new JsonObject { ["value"] = new string('e', LimitsFixture.MaxAttributeValueLength + 1) + "@example.com" }));

        var response = await scim.PostUserAsync(body);

        var error = await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
        Assert.Contains("'emails[1].value'", error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WhenAStringValueIsAtTheLimit_ShouldBeAccepted()
    {
        var scim = await ScimClient.CreateAsync(fixture.Factory);

        var response = await scim.PostUserAsync(UserBodies.Minimal(displayName: new string('d', LimitsFixture.MaxAttributeValueLength)));

        await response.AssertStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Patch_WhenAValueIsTooLong_ShouldReturn400InvalidValueAndChangeNothing()
    {
        var scim = await ScimClient.CreateAsync(fixture.Factory);
        var created = await scim.CreateUserAsync();
        var id = created["id"]!.GetValue<string>();

        var response = await scim.PatchUserAsync(id, Patch("replace", "displayName", new string('d', LimitsFixture.MaxAttributeValueLength + 1)));

        var error = await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
        Assert.Contains("Operations[0].value", error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        ScimResponseAssertions.AssertJsonEqual(created, await scim.GetUserJsonAsync(id));
    }

    [Fact]
    public async Task Post_WhenAMultiValuedAttributeHasTooManyValues_ShouldReturn400InvalidValueNamingIt()
    {
        var scim = await ScimClient.CreateAsync(fixture.Factory);
        var emails = new JsonArray(Enumerable.Range(0, LimitsFixture.MaxMultiValuedAttributeValues + 1)
            .Select(i => (JsonNode)new JsonObject { ["value"] = $"mail{i}@example.com" }).ToArray());

        var response = await scim.PostUserAsync(UserBodies.Minimal(emails: emails));

        var error = await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
        Assert.Contains("'emails'", error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WhenJsonIsNestedTooDeeply_ShouldReturn400InvalidSyntax()
    {
        var scim = await ScimClient.CreateAsync(fixture.Factory);
        var depth = LimitsFixture.MaxJsonDepth + 1;
        var nested = string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
        var json = $$"""{"schemas": ["{{UserBodies.CoreSchema}}"], "userName": "deep@example.com", "x": {{nested}}}""";

        var response = await scim.SendRawAsync(HttpMethod.Post, scim.UsersUrl, json);

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidSyntax");
    }

    [Fact]
    public async Task List_WhenTheFilterIsTooLong_ShouldReturn400InvalidFilter()
    {
        var scim = await ScimClient.CreateAsync(fixture.Factory);
        var filter = $"userName eq \"{new string('u', LimitsFixture.MaxFilterLength)}\"";

        var response = await scim.SendAsync(HttpMethod.Get, $"{scim.UsersUrl}?filter={Uri.EscapeDataString(filter)}");

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidFilter");
    }

    [Theory]
    [InlineData("/Users")]
    [InlineData("/Groups")]
    public async Task List_WhenTheFilterIsNestedTooDeeply_ShouldReturn400InvalidFilter(string resource)
    {
        var scim = await ScimClient.CreateAsync(fixture.Factory);
        var depth = LimitsFixture.MaxFilterDepth + 1;
        var filter = new string('(', depth) + "displayName eq \"x\"" + new string(')', depth);

        var response = await scim.SendAsync(HttpMethod.Get, $"{scim.BaseUrl}{resource}?filter={Uri.EscapeDataString(filter)}");

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidFilter");
    }

    [Fact]
    public async Task Search_WhenTheFilterIsNestedTooDeeply_ShouldReturn400InvalidFilter()
    {
        var scim = await ScimClient.CreateAsync(fixture.Factory);
        var depth = LimitsFixture.MaxFilterDepth + 1;
        var body = new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:api:messages:2.0:SearchRequest"),
            ["filter"] = new string('(', depth) + "userName eq \"x\"" + new string(')', depth),
        };

        var response = await scim.SendAsync(HttpMethod.Post, $"{scim.UsersUrl}/.search", body);

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidFilter");
    }

    [Fact]
    public async Task List_WhenTheFilterIsWithinTheLimits_ShouldBeServed()
    {
        var scim = await ScimClient.CreateAsync(fixture.Factory);
        var depth = LimitsFixture.MaxFilterDepth;
        var filter = new string('(', depth) + "userName eq \"x\"" + new string(')', depth);

        var response = await scim.SendAsync(HttpMethod.Get, $"{scim.UsersUrl}?filter={Uri.EscapeDataString(filter)}");

        await response.AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PatchUser_WithMoreOperationsThanAllowed_ShouldReturn400TooManyAndChangeNothing()
    {
        var scim = await ScimClient.CreateAsync(fixture.Factory);
        var created = await scim.CreateUserAsync();
        var id = created["id"]!.GetValue<string>();
        var operations = Enumerable.Range(0, LimitsFixture.MaxPatchOperations + 1)
            .Select(i => Op("replace", "displayName", $"name {i}")).ToArray();

        var response = await scim.PatchUserAsync(id, PatchOp(operations));

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "tooMany");
        ScimResponseAssertions.AssertJsonEqual(created, await scim.GetUserJsonAsync(id));
    }

    [Fact]
    public async Task PatchUser_WithExactlyTheAllowedOperations_ShouldApplyThem()
    {
        var scim = await ScimClient.CreateAsync(fixture.Factory);
        var id = (await scim.CreateUserAsync())["id"]!.GetValue<string>();
        var operations = Enumerable.Range(0, LimitsFixture.MaxPatchOperations)
            .Select(i => Op("replace", "displayName", $"name {i}")).ToArray();

        var patched = await scim.PatchUserJsonAsync(id, PatchOp(operations));

        Assert.Equal($"name {LimitsFixture.MaxPatchOperations - 1}", patched["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchGroup_WithMoreValuesPerOperationThanAllowed_ShouldReturn400TooMany()
    {
        var scim = await ScimClient.CreateAsync(fixture.Factory);
        var group = await CreateGroupAsync(scim);
        var members = new JsonArray(Enumerable.Range(0, LimitsFixture.MaxValuesPerPatchOperation + 1)
            .Select(_ => (JsonNode)new JsonObject { ["value"] = Guid.NewGuid().ToString() }).ToArray());

        var response = await scim.SendAsync(HttpMethod.Patch, $"{scim.BaseUrl}/Groups/{group}", Patch("add", "members", members));

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "tooMany");
    }

    [Fact]
    public async Task List_WhenCountExceedsTheMaximum_ShouldReturnAtMostTheAdvertisedMaximum()
    {
        var scim = await ScimClient.CreateAsync(fixture.Factory);
        for (var i = 0; i < LimitsFixture.MaxPageSize + 2; i++)
        {
            await scim.CreateUserAsync();
        }

        var config = await (await scim.SendAsync(HttpMethod.Get, $"{scim.BaseUrl}/ServiceProviderConfig")).ReadObjectAsync();
        var list = await scim.SendAsync(HttpMethod.Get, $"{scim.UsersUrl}?count=100000");

        await list.AssertStatusAsync(HttpStatusCode.OK);
        var page = await list.ReadObjectAsync();
        Assert.Equal(LimitsFixture.MaxPageSize, config["filter"]!["maxResults"]!.GetValue<int>());
        Assert.Equal(LimitsFixture.MaxPageSize + 2, page["totalResults"]!.GetValue<int>());
        Assert.Equal(LimitsFixture.MaxPageSize, page["itemsPerPage"]!.GetValue<int>());
        Assert.Equal(LimitsFixture.MaxPageSize, page["Resources"]!.AsArray().Count);
    }

    [Fact]
    public async Task List_WhenCountIsHuge_ShouldNotFail()
    {
        var scim = await ScimClient.CreateAsync(fixture.Factory);

        var response = await scim.SendAsync(HttpMethod.Get, $"{scim.UsersUrl}?count={int.MaxValue.ToString(CultureInfo.InvariantCulture)}&startIndex={int.MaxValue.ToString(CultureInfo.InvariantCulture)}");

        await response.AssertStatusAsync(HttpStatusCode.OK);
    }

    private static string OversizedUserJson() =>
        UserBodies.Minimal(displayName: new string('d', LimitsFixture.MaxRequestBodyBytes)).ToJsonString();

    private static async Task<string> CreateGroupAsync(ScimClient scim)
    {
        var response = await scim.SendAsync(HttpMethod.Post, $"{scim.BaseUrl}/Groups", new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:Group"),
            ["displayName"] = "Group " + Guid.NewGuid().ToString("N"),
        });
        await response.AssertStatusAsync(HttpStatusCode.Created);
        return (await response.ReadObjectAsync())["id"]!.GetValue<string>();
    }
}
