using System.Net;
using ScimClean.Api.IntegrationTests.Infrastructure;

namespace ScimClean.Api.IntegrationTests.Scim.Users;

public sealed class UsersContentTypeTests(ScimCleanApiFactory factory) : IClassFixture<ScimCleanApiFactory>
{
    [Fact]
    public async Task EveryResponse_ShouldBeApplicationScimJson()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var post = await scim.PostUserAsync(UserBodies.Minimal());
        var id = (await post.ReadObjectAsync())["id"]!.GetValue<string>();

        var responses = new[]
        {
            post,
            await scim.GetUserAsync(id),
            await scim.PutUserAsync(id, UserBodies.Minimal()),
            await scim.PatchUserAsync(id, PatchBodies.Patch("replace", "displayName", "x")),
            await scim.GetUserAsync(Guid.NewGuid().ToString()),
            await scim.PatchUserAsync(id, PatchBodies.Patch("replace", "noSuchAttribute", "x")),
            await scim.PostUserAsync(UserBodies.Minimal(scim.Domain + "-dup")),
            await scim.PostUserAsync(UserBodies.Minimal(scim.Domain + "-dup")),
        };

        foreach (var response in responses)
        {
            Assert.Equal(ScimClient.MediaType, response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Post_WithApplicationJson_ShouldBeAccepted()
    {
        var scim = await ScimClient.CreateAsync(factory);

        var response = await scim.SendAsync(HttpMethod.Post, scim.UsersUrl, UserBodies.Minimal(), mediaType: "application/json");

        await response.AssertStatusAsync(HttpStatusCode.Created);
        Assert.Equal(ScimClient.MediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Patch_WithApplicationJson_ShouldBeAccepted()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var id = (await scim.CreateUserAsync())["id"]!.GetValue<string>();

        var response = await scim.SendAsync(
            HttpMethod.Patch, $"{scim.UsersUrl}/{id}", PatchBodies.Patch("replace", "displayName", "J"), mediaType: "application/json");

        await response.AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Post_WithTextPlain_ShouldReturnAScimErrorNot500()
    {
        var scim = await ScimClient.CreateAsync(factory);

        var response = await scim.SendAsync(HttpMethod.Post, scim.UsersUrl, UserBodies.Minimal(), mediaType: "text/plain");

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidSyntax");
    }

    [Fact]
    public async Task Patch_WithTextPlain_ShouldReturnAScimErrorNot500()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var id = (await scim.CreateUserAsync())["id"]!.GetValue<string>();

        var response = await scim.SendAsync(
            HttpMethod.Patch, $"{scim.UsersUrl}/{id}", PatchBodies.Patch("replace", "displayName", "J"), mediaType: "text/plain");

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidSyntax");
    }
}
