using System.Net;
using ScimClean.Api.IntegrationTests.Infrastructure;

namespace ScimClean.Api.IntegrationTests.Scim.Users;

public sealed class DeleteUserTests(ScimCleanApiFactory factory) : IClassFixture<ScimCleanApiFactory>
{
    [Fact]
    public async Task Delete_WhenUserExists_ShouldReturn204ThenTheUserIsGone()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var id = (await scim.CreateUserAsync())["id"]!.GetValue<string>();

        var response = await scim.DeleteUserAsync(id);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await scim.GetUserAsync(id)).AssertScimErrorAsync(HttpStatusCode.NotFound, null);
        await (await scim.DeleteUserAsync(id)).AssertScimErrorAsync(HttpStatusCode.NotFound, null);
    }

    [Fact]
    public async Task Delete_ThenCreateTheSameUserName_ShouldReturn201()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var userName = UserBodies.NewUserName();
        var id = (await scim.CreateUserAsync(UserBodies.Minimal(userName)))["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NoContent, (await scim.DeleteUserAsync(id)).StatusCode);

        var response = await scim.PostUserAsync(UserBodies.Minimal(userName));

        await response.AssertStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Delete_WhenIfMatchDoesNotMatch_ShouldReturn412AndKeepTheUser()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var id = (await scim.CreateUserAsync())["id"]!.GetValue<string>();

        var response = await scim.DeleteUserAsync(id, ifMatch: "W/\"7\"");

        await response.AssertScimErrorAsync(HttpStatusCode.PreconditionFailed, "invalidVers");
        await scim.GetUserJsonAsync(id);
    }

    [Fact]
    public async Task Delete_WithIfMatchOfTheCurrentVersion_ShouldReturn204()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var created = await scim.CreateUserAsync();

        var response = await scim.DeleteUserAsync(created["id"]!.GetValue<string>(), ifMatch: created["meta"]!["version"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task Delete_WhenUserBelongsToAnotherOrganization_ShouldReturn404AndKeepTheUser()
    {
        var owner = await ScimClient.CreateAsync(factory);
        var other = await ScimClient.CreateAsync(factory);
        var id = (await owner.CreateUserAsync())["id"]!.GetValue<string>();

        var response = await other.DeleteUserAsync(id);

        await response.AssertScimErrorAsync(HttpStatusCode.NotFound, null);
        await owner.GetUserJsonAsync(id);
    }
}
