using System.Net;
using System.Text.Json;
using ScimClean.Api.IntegrationTests.Infrastructure;

namespace ScimClean.Api.IntegrationTests.Scim.Groups;

/// <summary>PUT, DELETE, and how memberships show on users and survive deletes on either side.</summary>
public sealed class GroupsLifecycleTests(ScimCleanApiFactory factory) : IClassFixture<ScimCleanApiFactory>
{
    private TestDatabase Database => factory.Database;

    [Fact]
    public async Task GetUser_ShouldListDirectGroupsAndDropOneAfterRemove()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var alice = await directory.CreateUserAsync();
        var engineering = await directory.CreateGroupIdAsync("Engineering", alice);
        var admins = await directory.CreateGroupIdAsync("Admins", alice);
        var outer = await directory.CreateGroupIdAsync("Outer", engineering);

        // Act
        var before = await GroupsOfAsync(directory, alice);
        var removed = await directory.PatchGroupAsync(engineering, $$"""[{"op": "Remove", "path": "members", "value": [{"value": "{{alice}}"}]}]""");
        var after = await GroupsOfAsync(directory, alice);

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(ScimDirectory.Sorted([engineering, admins]), before.Keys.Order(StringComparer.Ordinal).ToList());
        Assert.DoesNotContain(outer, before.Keys);
        Assert.Equal("Engineering", before[engineering].GetProperty("display").GetString());
        Assert.Equal($"{directory.BaseUrl}/Groups/{engineering}", before[engineering].GetProperty("$ref").GetString());
        Assert.Equal("direct", before[engineering].GetProperty("type").GetString());
        Assert.Equal([admins], after.Keys.ToList());
    }

    [Fact]
    public async Task DeleteUser_ShouldRemoveItFromEveryGroup()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var alice = await directory.CreateUserAsync();
        var bob = await directory.CreateUserAsync();
        var first = await directory.CreateGroupIdAsync("First", alice, bob);
        var second = await directory.CreateGroupIdAsync("Second", alice);

        // Act
        var response = await directory.SendAsync(HttpMethod.Delete, $"/Users/{alice}");

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(0, await MembershipRows.CountOfMemberAsync(Database, alice));
        Assert.Equal([bob], await directory.GetMemberIdsAsync(first));
        Assert.Empty(await directory.GetMemberIdsAsync(second));
        var filtered = await directory.GetAsync($"/Groups?filter={Uri.EscapeDataString($"members[value eq \"{alice}\"]")}");
        Assert.Equal(0, (await filtered.ReadJsonAsync()).GetProperty("totalResults").GetInt32());
    }

    [Fact]
    public async Task DeleteGroup_ShouldReturn204Then404AndRemoveItsMembershipsAndItsPlaceInOtherGroups()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var alice = await directory.CreateUserAsync();
        var doomed = await directory.CreateGroupIdAsync("Doomed", alice);
        var parent = await directory.CreateGroupIdAsync("Parent", doomed, alice);

        // Act
        var response = await directory.SendAsync(HttpMethod.Delete, $"/Groups/{doomed}");

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await ScimDirectory.AssertScimErrorAsync(await directory.GetAsync($"/Groups/{doomed}"), HttpStatusCode.NotFound, null);
        await ScimDirectory.AssertScimErrorAsync(
            await directory.SendAsync(HttpMethod.Delete, $"/Groups/{doomed}"), HttpStatusCode.NotFound, null);
        Assert.Equal(0, await MembershipRows.CountGroupRowsAsync(Database, doomed));
        Assert.Equal(0, await MembershipRows.CountOfGroupAsync(Database, doomed));
        Assert.Equal(0, await MembershipRows.CountOfMemberAsync(Database, doomed));
        Assert.Equal([alice], await directory.GetMemberIdsAsync(parent));
        Assert.Equal([parent], (await GroupsOfAsync(directory, alice)).Keys.ToList());
    }

    [Fact]
    public async Task DeleteGroup_WhenItBelongsToAnotherOrganization_ShouldReturn404AndKeepIt()
    {
        // Arrange
        var other = await ScimDirectory.CreateAsync(factory);
        var theirs = await other.CreateGroupIdAsync("Theirs");
        var directory = await ScimDirectory.CreateAsync(factory);

        // Act
        var response = await directory.SendAsync(HttpMethod.Delete, $"/Groups/{theirs}");

        // Assert
        await ScimDirectory.AssertScimErrorAsync(response, HttpStatusCode.NotFound, null);
        Assert.Equal(1, await MembershipRows.CountGroupRowsAsync(Database, theirs));
    }

    [Fact]
    public async Task Put_ShouldReplaceDisplayNameAndMembers()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var users = await directory.CreateUsersAsync(3);
        var created = await directory.PostAsync(
            "/Groups", $$"""{"schemas": ["{{ScimDirectory.GroupSchema}}"], "displayName": "Before", "externalId": "ext-before", "members": [{"value": "{{users[0]}}"}, {"value": "{{users[1]}}"}]}""");
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetString()!;

        // Act
        var response = await directory.SendAsync(
            HttpMethod.Put,
            $"/Groups/{id}",
            $$"""{"schemas": ["{{ScimDirectory.GroupSchema}}"], "displayName": "After", "members": [{"value": "{{users[1]}}"}, {"value": "{{users[2]}}"}]}""");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        var body = await response.ReadJsonAsync();
        Assert.Equal("After", body.GetProperty("displayName").GetString());
        Assert.Equal(ScimDirectory.Sorted([users[1], users[2]]), ScimDirectory.MemberIds(body));
        var group = await directory.GetGroupAsync(id);
        Assert.Equal("After", group.GetProperty("displayName").GetString());
        Assert.False(group.TryGetProperty("externalId", out _));
        Assert.Equal(ScimDirectory.Sorted([users[1], users[2]]), ScimDirectory.MemberIds(group));
        Assert.Equal(2, await MembershipRows.CountOfGroupAsync(Database, id));
    }

    [Fact]
    public async Task Put_WithoutMembers_ShouldRemoveEveryMember()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var users = await directory.CreateUsersAsync(2);
        var id = await directory.CreateGroupIdAsync("Before", [.. users]);

        // Act
        var response = await directory.SendAsync(
            HttpMethod.Put, $"/Groups/{id}", $$"""{"schemas": ["{{ScimDirectory.GroupSchema}}"], "displayName": "Before"}""");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await MembershipRows.CountOfGroupAsync(Database, id));
    }

    [Fact]
    public async Task Put_WithUnknownMember_ShouldReturn400AndChangeNothing()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var user = await directory.CreateUserAsync();
        var id = await directory.CreateGroupIdAsync("Before", user);

        // Act
        var response = await directory.SendAsync(
            HttpMethod.Put,
            $"/Groups/{id}",
            $$"""{"schemas": ["{{ScimDirectory.GroupSchema}}"], "displayName": "After", "members": [{"value": "{{Guid.NewGuid()}}"}]}""");

        // Assert
        await ScimDirectory.AssertScimErrorAsync(response, HttpStatusCode.BadRequest, "invalidValue");
        var group = await directory.GetGroupAsync(id);
        Assert.Equal("Before", group.GetProperty("displayName").GetString());
        Assert.Equal([user], ScimDirectory.MemberIds(group));
    }

    private static async Task<Dictionary<string, JsonElement>> GroupsOfAsync(ScimDirectory directory, string userId)
    {
        var response = await directory.GetAsync($"/Users/{userId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var user = await response.ReadJsonAsync();
        return user.TryGetProperty("groups", out var groups)
            ? groups.EnumerateArray().ToDictionary(group => group.GetProperty("value").GetString()!)
            : [];
    }
}
