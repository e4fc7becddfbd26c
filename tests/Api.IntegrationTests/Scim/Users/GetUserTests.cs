using System.Net;
using System.Text.Json.Nodes;
using ScimClean.Api.IntegrationTests.Infrastructure;
using static ScimClean.Api.IntegrationTests.Scim.Users.ScimResponseAssertions;

namespace ScimClean.Api.IntegrationTests.Scim.Users;

public sealed class GetUserTests(ScimCleanApiFactory factory) : IClassFixture<ScimCleanApiFactory>
{
    [Fact]
    public async Task Get_WhenUserExists_ShouldReturn200WithTheResourceAndETag()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var created = await scim.CreateUserAsync(UserBodies.Full());
        var id = created["id"]!.GetValue<string>();

        var response = await scim.GetUserAsync(id);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(ScimClient.MediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(created["meta"]!["version"]!.GetValue<string>(), response.Headers.ETag?.ToString());
        AssertJsonEqual(created, await response.ReadObjectAsync());
    }

    [Theory]
    [InlineData("0197a1c2-0000-7000-8000-000000000000")]
    [InlineData("not-a-guid")]
    [InlineData("12345")]
    public async Task Get_WhenIdIsUnknown_ShouldReturn404(string id)
    {
        var scim = await ScimClient.CreateAsync(factory);

        var response = await scim.GetUserAsync(id);

        await response.AssertScimErrorAsync(HttpStatusCode.NotFound, null);
    }

    [Fact]
    public async Task Get_WhenUserBelongsToAnotherOrganization_ShouldReturn404()
    {
        var owner = await ScimClient.CreateAsync(factory);
        var other = await ScimClient.CreateAsync(factory);
        var created = await owner.CreateUserAsync();

        var response = await other.GetUserAsync(created["id"]!.GetValue<string>());

        await response.AssertScimErrorAsync(HttpStatusCode.NotFound, null);
    }

    [Fact]
    public async Task Get_WithAttributesUserName_ShouldReturnOnlySchemasIdAndUserName()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var created = await scim.CreateUserAsync(UserBodies.Full());
        var id = created["id"]!.GetValue<string>();

        var response = await scim.GetUserAsync(id, "?attributes=userName");

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var body = await response.ReadObjectAsync();
        Assert.Equal(["id", "schemas", "userName"], body.Select(pair => pair.Key).Order(StringComparer.Ordinal));
        Assert.Equal(id, body["id"]!.GetValue<string>());
        Assert.Equal(created["userName"]!.GetValue<string>(), body["userName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_WithExcludedAttributesEmails_ShouldReturnEverythingButEmails()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var created = await scim.CreateUserAsync(UserBodies.Full());

        var response = await scim.GetUserAsync(created["id"]!.GetValue<string>(), "?excludedAttributes=emails");

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var body = await response.ReadObjectAsync();
        Assert.Null(body["emails"]);
        var expected = (JsonObject)created.DeepClone();
        expected.Remove("emails");
        AssertJsonEqual(expected, body);
    }

    [Fact]
    public async Task Get_WithIfNoneMatchOfTheCurrentVersion_ShouldReturn304()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var created = await scim.CreateUserAsync();
        var etag = created["meta"]!["version"]!.GetValue<string>();

        var response = await scim.GetUserAsync(created["id"]!.GetValue<string>(), ifNoneMatch: etag);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(etag, response.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task Get_WithIfNoneMatchOfAnOldVersion_ShouldReturn200()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var created = await scim.CreateUserAsync();
        var id = created["id"]!.GetValue<string>();
        await scim.PatchUserJsonAsync(id, PatchBodies.Patch("replace", "displayName", "Changed"));

        var response = await scim.GetUserAsync(id, ifNoneMatch: created["meta"]!["version"]!.GetValue<string>());

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("W/\"2\"", response.Headers.ETag?.ToString());
    }
}
