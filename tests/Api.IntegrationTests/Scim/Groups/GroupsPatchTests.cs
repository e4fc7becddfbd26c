using System.Net;
using ScimClean.Api.IntegrationTests.Infrastructure;

namespace ScimClean.Api.IntegrationTests.Scim.Groups;

/// <summary>
/// Every PATCH shape Entra sends to /Groups, in both of its dialects: the default one, and the one it uses with the
/// <c>aadOptscim062020</c> feature flag (which the service must tolerate on the URL).
/// </summary>
public sealed class GroupsPatchTests(ScimCleanApiFactory factory) : IClassFixture<ScimCleanApiFactory>
{
    public static TheoryData<string> Dialects => ["", "?aadOptscim062020"];

    private TestDatabase Database => factory.Database;

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Patch_AddOneMember_ShouldReturn204AndAddOneRow(string dialect)
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var existing = await directory.CreateUserAsync();
        var added = await directory.CreateUserAsync();
        var id = await directory.CreateGroupIdAsync("Team", existing);

        // Act
        var response = await directory.PatchGroupAsync(
            id, $$"""[{"op": "Add", "path": "members", "value": [{"$ref": null, "value": "{{added}}"}]}]""", dialect);

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal(2, await MembershipRows.CountOfGroupAsync(Database, id));
        Assert.Equal(ScimDirectory.Sorted([existing, added]), await directory.GetMemberIdsAsync(id));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Patch_AddThreeMembersInOneOperation_ShouldAddThreeRows(string dialect)
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var users = await directory.CreateUsersAsync(2);
        var nested = await directory.CreateGroupIdAsync("Nested");
        var id = await directory.CreateGroupIdAsync("Team");

        // Act
        var response = await directory.PatchGroupAsync(id, $$"""
            [{"op": "Add", "path": "members", "value": [
                {"$ref": null, "value": "{{users[0]}}"},
                {"$ref": null, "value": "{{users[1]}}"},
                {"$ref": null, "value": "{{nested}}"}]}]
            """, dialect);

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(3, await MembershipRows.CountOfGroupAsync(Database, id));
        Assert.Equal(ScimDirectory.Sorted(users, [nested]), await directory.GetMemberIdsAsync(id));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Patch_AddMembersInSeveralOperations_ShouldAddAll(string dialect)
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var users = await directory.CreateUsersAsync(3);
        var id = await directory.CreateGroupIdAsync("Team");

        // Act
        var response = await directory.PatchGroupAsync(id, $$"""
            [{"op": "Add", "path": "members", "value": [{"$ref": null, "value": "{{users[0]}}"}]},
             {"op": "Add", "path": "members", "value": [{"$ref": null, "value": "{{users[1]}}"}]},
             {"op": "Add", "path": "members", "value": [{"$ref": null, "value": "{{users[2]}}"}]}]
            """, dialect);

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(ScimDirectory.Sorted(users), await directory.GetMemberIdsAsync(id));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Patch_RemoveMembersWithValue_ShouldRemoveOnlyTheListedMember(string dialect)
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var users = await directory.CreateUsersAsync(3);
        var id = await directory.CreateGroupIdAsync("Team", [.. users]);

        // Act
        var response = await directory.PatchGroupAsync(
            id, $$"""[{"op": "Remove", "path": "members", "value": [{"value": "{{users[1]}}"}]}]""", dialect);

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(2, await MembershipRows.CountOfGroupAsync(Database, id));
        Assert.Equal(ScimDirectory.Sorted([users[0], users[2]]), await directory.GetMemberIdsAsync(id));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Patch_RemoveMembersByValueFilter_ShouldRemoveOnlyThatMember(string dialect)
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var users = await directory.CreateUsersAsync(3);
        var id = await directory.CreateGroupIdAsync("Team", [.. users]);

        // Act
        var response = await directory.PatchGroupAsync(
            id, $$"""[{"op": "remove", "path": "members[value eq \"{{users[0]}}\"]"}]""", dialect);

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(2, await MembershipRows.CountOfGroupAsync(Database, id));
        Assert.Equal(ScimDirectory.Sorted([users[1], users[2]]), await directory.GetMemberIdsAsync(id));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Patch_RemoveMembersWithoutValue_ShouldRemoveEveryMember(string dialect)
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var users = await directory.CreateUsersAsync(3);
        var id = await directory.CreateGroupIdAsync("Team", [.. users]);

        // Act
        var response = await directory.PatchGroupAsync(id, """[{"op": "remove", "path": "members"}]""", dialect);

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(0, await MembershipRows.CountOfGroupAsync(Database, id));
        Assert.Empty(await directory.GetMemberIdsAsync(id));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Patch_ReplaceMembers_ShouldReplaceTheWholeSet(string dialect)
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var users = await directory.CreateUsersAsync(4);
        var id = await directory.CreateGroupIdAsync("Team", users[0], users[1]);

        // Act: keeps users[1], drops users[0], adds users[2] and users[3].
        var response = await directory.PatchGroupAsync(id, $$"""
            [{"op": "Replace", "path": "members", "value": [
                {"value": "{{users[1]}}"}, {"value": "{{users[2]}}"}, {"value": "{{users[3]}}"}]}]
            """, dialect);

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(3, await MembershipRows.CountOfGroupAsync(Database, id));
        Assert.Equal(ScimDirectory.Sorted([users[1], users[2], users[3]]), await directory.GetMemberIdsAsync(id));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Patch_ReplaceDisplayNameByPath_ShouldRenameAndKeepMembers(string dialect)
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var user = await directory.CreateUserAsync();
        var id = await directory.CreateGroupIdAsync("Old Name", user);

        // Act
        var response = await directory.PatchGroupAsync(id, """[{"op": "Replace", "path": "displayName", "value": "New Name"}]""", dialect);

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var group = await directory.GetGroupAsync(id);
        Assert.Equal("New Name", group.GetProperty("displayName").GetString());
        Assert.Equal([user], ScimDirectory.MemberIds(group));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Patch_ReplaceWithoutPath_ShouldRename(string dialect)
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var user = await directory.CreateUserAsync();
        var id = await directory.CreateGroupIdAsync("Old Name", user);

        // Act
        var response = await directory.PatchGroupAsync(id, """[{"op": "replace", "value": {"displayName": "New Name", "externalId": "ext-9"}}]""", dialect);

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var group = await directory.GetGroupAsync(id);
        Assert.Equal("New Name", group.GetProperty("displayName").GetString());
        Assert.Equal("ext-9", group.GetProperty("externalId").GetString());
        Assert.Equal([user], ScimDirectory.MemberIds(group));
    }

    [Theory]
    [InlineData("ADD", "Members", "REMOVE")]
    [InlineData("add", "MEMBERS", "Remove")]
    [InlineData("Add", "urn:ietf:params:scim:schemas:core:2.0:Group:members", "remove")]
    public async Task Patch_WithOperationAndAttributeNamesInAnyCase_ShouldApply(string add, string members, string remove)
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var users = await directory.CreateUsersAsync(2);
        var id = await directory.CreateGroupIdAsync("Team", users[0]);

        // Act
        var response = await directory.PatchGroupAsync(id, $$"""
            [{"op": "{{add}}", "path": "{{members}}", "value": [{"value": "{{users[1]}}"}]},
             {"op": "{{remove}}", "path": "{{members}}", "value": [{"value": "{{users[0]}}"}]},
             {"op": "{{add}}", "path": "DisplayName", "value": "Renamed"}]
            """);

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var group = await directory.GetGroupAsync(id);
        Assert.Equal([users[1]], ScimDirectory.MemberIds(group));
        Assert.Equal("Renamed", group.GetProperty("displayName").GetString());
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Patch_AddPresentMember_ShouldChangeNoRow(string dialect)
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var users = await directory.CreateUsersAsync(2);
        var id = await directory.CreateGroupIdAsync("Team", [.. users]);
        var before = await MembershipRows.CountOfGroupAsync(Database, id);

        // Act
        var response = await directory.PatchGroupAsync(
            id, $$"""[{"op": "Add", "path": "members", "value": [{"$ref": null, "value": "{{users[0]}}"}]}]""", dialect);

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(2, before);
        Assert.Equal(before, await MembershipRows.CountOfGroupAsync(Database, id));
        Assert.Equal(ScimDirectory.Sorted(users), await directory.GetMemberIdsAsync(id));
    }

    [Theory]
    [InlineData("""[{"op": "Remove", "path": "members", "value": [{"value": "{0}"}]}]""")]
    [InlineData("""[{"op": "remove", "path": "members[value eq \"{0}\"]"}]""")]
    public async Task Patch_RemoveAbsentMember_ShouldChangeNoRow(string template)
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var users = await directory.CreateUsersAsync(3);
        var id = await directory.CreateGroupIdAsync("Team", users[0], users[1]);
        var before = await MembershipRows.CountOfGroupAsync(Database, id);

        // Act
        var response = await directory.PatchGroupAsync(id, template.Replace("{0}", users[2], StringComparison.Ordinal));

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(2, before);
        Assert.Equal(before, await MembershipRows.CountOfGroupAsync(Database, id));
        Assert.Equal(ScimDirectory.Sorted([users[0], users[1]]), await directory.GetMemberIdsAsync(id));
    }

    [Theory]
    [InlineData("random-guid")]
    [InlineData("not-a-guid")]
    [InlineData("other-org-user")]
    public async Task Patch_AddUnknownMember_ShouldReturn400InvalidValueAndChangeNothing(string kind)
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var users = await directory.CreateUsersAsync(2);
        var id = await directory.CreateGroupIdAsync("Team", users[0]);
        var unknown = kind switch
        {
            "random-guid" => Guid.NewGuid().ToString(),
            "not-a-guid" => "not-a-guid",
            _ => await (await ScimDirectory.CreateAsync(factory)).CreateUserAsync(),
        };
        var version = (await directory.GetAsync($"/Groups/{id}")).Headers.ETag!.ToString();

        // Act: a valid member and an unknown one in the same request.
        var response = await directory.PatchGroupAsync(id, $$"""
            [{"op": "Add", "path": "members", "value": [{"value": "{{users[1]}}"}]},
             {"op": "Add", "path": "members", "value": [{"value": "{{unknown}}"}]}]
            """);

        // Assert
        await ScimDirectory.AssertScimErrorAsync(response, HttpStatusCode.BadRequest, "invalidValue");
        Assert.Equal(1, await MembershipRows.CountOfGroupAsync(Database, id));
        var after = await directory.GetAsync($"/Groups/{id}");
        Assert.Equal(version, after.Headers.ETag!.ToString());
        Assert.Equal([users[0]], ScimDirectory.MemberIds(await after.ReadJsonAsync()));
    }

    [Fact]
    public async Task Patch_ReplaceDisplayNameAndAddUnknownMember_ShouldChangeNeither()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var user = await directory.CreateUserAsync();
        var id = await directory.CreateGroupIdAsync("Original", user);

        // Act
        var response = await directory.PatchGroupAsync(id, $$"""
            [{"op": "Replace", "path": "displayName", "value": "Changed"},
             {"op": "Add", "path": "members", "value": [{"value": "{{Guid.NewGuid()}}"}]}]
            """);

        // Assert
        await ScimDirectory.AssertScimErrorAsync(response, HttpStatusCode.BadRequest, "invalidValue");
        var group = await directory.GetGroupAsync(id);
        Assert.Equal("Original", group.GetProperty("displayName").GetString());
        Assert.Equal([user], ScimDirectory.MemberIds(group));
        Assert.Equal(1, await MembershipRows.CountOfGroupAsync(Database, id));
        Assert.Equal(0, await MembershipRows.CountGroupsNamedAsync(Database, "Changed"));
    }

    [Fact]
    public async Task Patch_ReplaceDisplayNameWithTakenName_ShouldReturn409Uniqueness()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        await directory.CreateGroupIdAsync("Taken");
        var id = await directory.CreateGroupIdAsync("Mine");

        // Act
        var response = await directory.PatchGroupAsync(id, """[{"op": "replace", "path": "displayName", "value": "TAKEN"}]""");

        // Assert
        await ScimDirectory.AssertScimErrorAsync(response, HttpStatusCode.Conflict, "uniqueness");
        Assert.Equal("Mine", (await directory.GetGroupAsync(id)).GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task Patch_WithStaleIfMatch_ShouldReturn412AndChangeNothing()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var user = await directory.CreateUserAsync();
        var id = await directory.CreateGroupIdAsync("Team");
        var stale = (await directory.GetAsync($"/Groups/{id}")).Headers.ETag!.ToString();
        Assert.Equal(
            HttpStatusCode.NoContent,
            (await directory.PatchGroupAsync(id, """[{"op": "replace", "path": "displayName", "value": "Team 2"}]""")).StatusCode);

        // Act
        var response = await directory.PatchGroupAsync(
            id,
            $$"""[{"op": "Add", "path": "members", "value": [{"value": "{{user}}"}]}]""",
            configure: request => request.Headers.TryAddWithoutValidation("If-Match", stale));

        // Assert
        await ScimDirectory.AssertScimErrorAsync(response, HttpStatusCode.PreconditionFailed, "invalidVers");
        Assert.Equal(0, await MembershipRows.CountOfGroupAsync(Database, id));
    }

    [Fact]
    public async Task Patch_WithCurrentIfMatch_ShouldApply()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var user = await directory.CreateUserAsync();
        var id = await directory.CreateGroupIdAsync("Team");
        var current = (await directory.GetAsync($"/Groups/{id}")).Headers.ETag!.ToString();

        // Act
        var response = await directory.PatchGroupAsync(
            id,
            $$"""[{"op": "Add", "path": "members", "value": [{"value": "{{user}}"}]}]""",
            configure: request => request.Headers.TryAddWithoutValidation("If-Match", current));

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.NotEqual(current, response.Headers.ETag?.ToString());
        Assert.Equal(response.Headers.ETag?.ToString(), (await directory.GetAsync($"/Groups/{id}")).Headers.ETag?.ToString());
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Patch_WithAttributesMembers_ShouldReturn200WithTheResource(string dialect)
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var users = await directory.CreateUsersAsync(2);
        var id = await directory.CreateGroupIdAsync("Team", users[0]);
        var query = dialect.Length == 0 ? "?attributes=members" : dialect + "&attributes=members";

        // Act
        var response = await directory.PatchGroupAsync(
            id, $$"""[{"op": "Add", "path": "members", "value": [{"value": "{{users[1]}}"}]}]""", query);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ScimDirectory.ScimMediaType, response.Content.Headers.ContentType?.MediaType);
        var group = await response.ReadJsonAsync();
        Assert.Equal(id, group.GetProperty("id").GetString());
        Assert.Equal(ScimDirectory.Sorted(users), ScimDirectory.MemberIds(group));
        Assert.False(group.TryGetProperty("displayName", out _));
    }

    [Fact]
    public async Task Patch_WithExcludedAttributesMembers_ShouldReturn200WithoutMembers()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var user = await directory.CreateUserAsync();
        var id = await directory.CreateGroupIdAsync("Team");

        // Act
        var response = await directory.PatchGroupAsync(
            id,
            $$"""[{"op": "Add", "path": "members", "value": [{"value": "{{user}}"}]}, {"op": "replace", "path": "displayName", "value": "Team B"}]""",
            "?excludedAttributes=members");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var group = await response.ReadJsonAsync();
        Assert.Equal("Team B", group.GetProperty("displayName").GetString());
        Assert.False(group.TryGetProperty("members", out _));
        Assert.Equal(1, await MembershipRows.CountOfGroupAsync(Database, id));
    }

    [Fact]
    public async Task Patch_WhenGroupIsUnknown_ShouldReturn404()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var user = await directory.CreateUserAsync();

        // Act
        var response = await directory.PatchGroupAsync(
            Guid.NewGuid().ToString(), $$"""[{"op": "Add", "path": "members", "value": [{"value": "{{user}}"}]}]""");

        // Assert
        await ScimDirectory.AssertScimErrorAsync(response, HttpStatusCode.NotFound, null);
    }

    [Fact]
    public async Task Patch_AddWithoutPath_ShouldAddMembersAndApplyOtherAttributes()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var users = await directory.CreateUsersAsync(2);
        var id = await directory.CreateGroupIdAsync("Team", users[0]);

        // Act
        var response = await directory.PatchGroupAsync(
            id, $$"""[{"op": "add", "value": {"members": [{"value": "{{users[1]}}"}], "externalId": "ext-7"} }]""");

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var group = await directory.GetGroupAsync(id);
        Assert.Equal(ScimDirectory.Sorted(users), ScimDirectory.MemberIds(group));
        Assert.Equal("ext-7", group.GetProperty("externalId").GetString());
    }

    [Fact]
    public async Task Patch_RemoveByFilterWithOr_ShouldRemoveEachNamedMember()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var users = await directory.CreateUsersAsync(3);
        var id = await directory.CreateGroupIdAsync("Team", [.. users]);

        // Act
        var response = await directory.PatchGroupAsync(
            id, $$"""[{"op": "remove", "path": "members[value eq \"{{users[0]}}\" or value eq \"{{users[2]}}\"]"}]""");

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal([users[1]], await directory.GetMemberIdsAsync(id));
    }

    [Fact]
    public async Task Patch_ReplaceMembersWithEmptyList_ShouldRemoveEveryMember()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var users = await directory.CreateUsersAsync(2);
        var id = await directory.CreateGroupIdAsync("Team", [.. users]);

        // Act
        var response = await directory.PatchGroupAsync(id, """[{"op": "replace", "path": "members", "value": []}]""");

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(0, await MembershipRows.CountOfGroupAsync(Database, id));
    }

    [Fact]
    public async Task Patch_RemoveThenAddSameMemberInOneRequest_ShouldKeepTheMember()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var users = await directory.CreateUsersAsync(2);
        var id = await directory.CreateGroupIdAsync("Team", [.. users]);

        // Act
        var response = await directory.PatchGroupAsync(id, $$"""
            [{"op": "Remove", "path": "members", "value": [{"value": "{{users[0]}}"}]},
             {"op": "Add", "path": "members", "value": [{"value": "{{users[0]}}"}]}]
            """);

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(2, await MembershipRows.CountOfGroupAsync(Database, id));
        Assert.Equal(ScimDirectory.Sorted(users), await directory.GetMemberIdsAsync(id));
    }

    [Fact]
    public async Task Patch_AddThenRemoveSameMemberInOneRequest_ShouldLeaveItOut()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var users = await directory.CreateUsersAsync(2);
        var id = await directory.CreateGroupIdAsync("Team", users[0]);

        // Act
        var response = await directory.PatchGroupAsync(id, $$"""
            [{"op": "Add", "path": "members", "value": [{"value": "{{users[1]}}"}]},
             {"op": "remove", "path": "members[value eq \"{{users[1]}}\"]"}]
            """);

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal([users[0]], await directory.GetMemberIdsAsync(id));
        Assert.Equal(1, await MembershipRows.CountOfGroupAsync(Database, id));
    }

    [Fact]
    public async Task Patch_AddPresentMemberWithUpperCaseId_ShouldChangeNothing()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var user = await directory.CreateUserAsync();
        var id = await directory.CreateGroupIdAsync("Team", user);
        var version = (await directory.GetAsync($"/Groups/{id}")).Headers.ETag!.ToString();

        // Act
        var response = await directory.PatchGroupAsync(
            id, $$"""[{"op": "Add", "path": "members", "value": [{"value": "{{user.ToUpperInvariant()}}"}]}]""");

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(1, await MembershipRows.CountOfGroupAsync(Database, id));
        Assert.Equal(version, (await directory.GetAsync($"/Groups/{id}")).Headers.ETag!.ToString());
    }

    [Fact]
    public async Task Patch_AddMember_ShouldMoveLastModifiedAndVersion()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var user = await directory.CreateUserAsync();
        var id = await directory.CreateGroupIdAsync("Team");
        var before = await directory.GetGroupAsync(id);
        factory.Clock.Advance(TimeSpan.FromMinutes(5));

        // Act
        var response = await directory.PatchGroupAsync(id, $$"""[{"op": "Add", "path": "members", "value": [{"value": "{{user}}"}]}]""");

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var after = await directory.GetGroupAsync(id);
        Assert.Equal(factory.Clock.GetUtcNow(), after.GetProperty("meta").GetProperty("lastModified").GetDateTimeOffset());
        Assert.Equal(
            before.GetProperty("meta").GetProperty("created").GetDateTimeOffset(),
            after.GetProperty("meta").GetProperty("created").GetDateTimeOffset());
        Assert.NotEqual(
            before.GetProperty("meta").GetProperty("version").GetString(),
            after.GetProperty("meta").GetProperty("version").GetString());
    }

    [Fact]
    public async Task Patch_AddGroupToItself_ShouldReturn400AndChangeNothing()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var id = await directory.CreateGroupIdAsync("Self");

        // Act
        var response = await directory.PatchGroupAsync(id, $$"""[{"op": "Add", "path": "members", "value": [{"value": "{{id}}"}]}]""");

        // Assert
        await ScimDirectory.AssertScimErrorAsync(response, HttpStatusCode.BadRequest, "invalidValue");
        Assert.Equal(0, await MembershipRows.CountOfGroupAsync(Database, id));
    }

    [Theory]
    [InlineData("""[{"op": "Add", "path": "members"}]""", "invalidValue")]
    [InlineData("""[{"op": "Add", "path": "members", "value": [{"display": "no value"}]}]""", "invalidValue")]
    [InlineData("""[{"op": "Add", "path": "members", "value": [{"value": 42}]}]""", "invalidValue")]
    [InlineData("""[{"op": "replace", "path": "members[value eq \"x\"].display", "value": "y"}]""", "mutability")]
    [InlineData("""[{"op": "replace", "path": "displayName"}]""", null)]
    [InlineData("""[{"op": "move", "path": "displayName", "value": "x"}]""", null)]
    [InlineData("""[]""", null)]
    public async Task Patch_WithInvalidOperation_ShouldReturn400(string operations, string? scimType)
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var id = await directory.CreateGroupIdAsync("Team");

        // Act
        var response = await directory.PatchGroupAsync(id, operations);

        // Assert
        await ScimDirectory.AssertScimErrorAsync(response, HttpStatusCode.BadRequest, scimType);
        Assert.Equal("Team", (await directory.GetGroupAsync(id)).GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task Patch_ConcurrentAddsOfDifferentMembers_ShouldKeepEveryMember()
    {
        // Arrange: Entra sends membership changes for one group in parallel.
        var directory = await ScimDirectory.CreateAsync(factory);
        var users = await directory.CreateUsersAsync(8);
        var id = await directory.CreateGroupIdAsync("Busy");

        // Act
        var responses = await Task.WhenAll(users.Select(user => directory.PatchGroupAsync(
            id, $$"""[{"op": "Add", "path": "members", "value": [{"value": "{{user}}"}]}]""")));

        // Assert
        Assert.All(responses, response => Assert.Equal(HttpStatusCode.NoContent, response.StatusCode));
        Assert.Equal(ScimDirectory.Sorted(users), await directory.GetMemberIdsAsync(id));
        Assert.Equal(users.Count, await MembershipRows.CountOfGroupAsync(Database, id));
    }
}
