using System.Net;
using System.Text.Json.Nodes;
using ScimClean.Api.IntegrationTests.Infrastructure;

namespace ScimClean.Api.IntegrationTests.Scim.Users;

public sealed class UsersConcurrencyTests(ScimCleanApiFactory factory) : IClassFixture<ScimCleanApiFactory>
{
    [Fact]
    public async Task Post_WhenTwoCreateTheSameUserNameAtOnce_ShouldReturnOne201AndOne409()
    {
        var scim = await ScimClient.CreateAsync(factory);

        for (var round = 0; round < 10; round++)
        {
            var userName = UserBodies.NewUserName();
            var responses = await Task.WhenAll(
                scim.PostUserAsync(UserBodies.Minimal(userName)),
                scim.PostUserAsync(UserBodies.Minimal(userName.ToUpperInvariant())));

            var statuses = responses.Select(r => r.StatusCode).Order().ToArray();
            Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], statuses);
            await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict)
                .AssertScimErrorAsync(HttpStatusCode.Conflict, "uniqueness");
        }
    }

    [Fact]
    public async Task Patch_WhenTwentyAddDistinctValuesAtOnce_ShouldLoseNone()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var id = (await scim.CreateUserAsync())["id"]!.GetValue<string>();
        var emails = Enumerable.Range(0, 20).Select(i => $"mail{i}@example.com").ToList();

        var responses = await Task.WhenAll(emails.Select(email => scim.PatchUserAsync(
            id, PatchBodies.Patch("add", "emails", new JsonArray(new JsonObject { ["value"] = email, ["type"] = "other" })))));

        foreach (var response in responses)
        {
            await response.AssertStatusAsync(HttpStatusCode.OK);
        }

        var user = await scim.GetUserJsonAsync(id);
        var stored = user["emails"]!.AsArray().Select(e => e!["value"]!.GetValue<string>()).Order(StringComparer.Ordinal);
        Assert.Equal(emails.Order(StringComparer.Ordinal), stored);
        Assert.Equal("W/\"21\"", user["meta"]!["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_WhenTwentySetDistinctCustomExtensionAttributesAtOnce_ShouldLoseNone()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var id = (await scim.CreateUserAsync(UserBodies.Minimal(acme: new JsonObject { ["seed"] = "0" })))["id"]!.GetValue<string>();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => scim.PatchUserAsync(
            id, PatchBodies.Patch("add", $"{UserBodies.AcmeSchema}:attr{i}", $"v{i}"))));

        foreach (var response in responses)
        {
            await response.AssertStatusAsync(HttpStatusCode.OK);
        }

        var acme = (await scim.GetUserJsonAsync(id))[UserBodies.AcmeSchema]!.AsObject();
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal($"v{i}", acme[$"attr{i}"]?.GetValue<string>());
        }
    }

    [Fact]
    public async Task Patch_WhenTwoUsersTakeTheSameUserNameAtOnce_ShouldReturnOne200AndOne409()
    {
        var scim = await ScimClient.CreateAsync(factory);

        for (var round = 0; round < 10; round++)
        {
            var first = (await scim.CreateUserAsync())["id"]!.GetValue<string>();
            var second = (await scim.CreateUserAsync())["id"]!.GetValue<string>();
            var userName = UserBodies.NewUserName();

            var responses = await Task.WhenAll(
                scim.PatchUserAsync(first, PatchBodies.Patch("replace", "userName", userName)),
                scim.PatchUserAsync(second, PatchBodies.Patch("replace", "userName", userName.ToUpperInvariant())));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order().ToArray());
            await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict)
                .AssertScimErrorAsync(HttpStatusCode.Conflict, "uniqueness");
        }
    }

    [Fact]
    public async Task Post_WhenThirtyDistinctUsersAreCreatedAtOnce_ShouldCreateAll()
    {
        var scim = await ScimClient.CreateAsync(factory);

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => scim.PostUserAsync(UserBodies.Minimal())));

        foreach (var response in responses)
        {
            await response.AssertStatusAsync(HttpStatusCode.Created);
        }
    }

    [Fact]
    public async Task PatchAndDelete_WhenConcurrent_ShouldEndWithTheUserGone()
    {
        var scim = await ScimClient.CreateAsync(factory);

        for (var round = 0; round < 10; round++)
        {
            var id = (await scim.CreateUserAsync())["id"]!.GetValue<string>();

            var responses = await Task.WhenAll(
                scim.PatchUserAsync(id, PatchBodies.Patch("replace", "displayName", "x")),
                scim.DeleteUserAsync(id));

            Assert.Contains(responses[0].StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.NotFound });
            Assert.Equal(HttpStatusCode.NoContent, responses[1].StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await scim.GetUserAsync(id)).StatusCode);
        }
    }
}
