using System.Diagnostics;
using System.Net;
using ScimClean.Api.IntegrationTests.Infrastructure;

namespace ScimClean.Api.IntegrationTests.Scim.Groups;

public sealed class GroupsReadTests(ScimCleanApiFactory factory) : IClassFixture<ScimCleanApiFactory>
{
    [Fact]
    public async Task Get_ShouldRenderMembersWithValueRefDisplayAndType()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var alice = await directory.CreateUserAsync($"alice@{directory.Domain}", "Alice Adams");
        var bob = await directory.CreateUserAsync($"bob@{directory.Domain}");
        var nested = await directory.CreateGroupIdAsync("Nested Team");
        var id = await directory.CreateGroupIdAsync("Parent", alice, bob, nested);

        // Act
        var response = await directory.GetAsync($"/Groups/{id}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ScimDirectory.ScimMediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.ETag);
        var group = await response.ReadJsonAsync();
        Assert.Equal(id, group.GetProperty("id").GetString());
        Assert.Equal("Parent", group.GetProperty("displayName").GetString());
        var members = group.GetProperty("members").EnumerateArray().ToDictionary(member => member.GetProperty("value").GetString()!);
        Assert.Equal(3, members.Count);
        Assert.Equal($"{directory.BaseUrl}/Users/{alice}", members[alice].GetProperty("$ref").GetString());
        Assert.Equal("Alice Adams", members[alice].GetProperty("display").GetString());
        Assert.Equal("User", members[alice].GetProperty("type").GetString());
        // A user without displayName is shown by its userName.
        Assert.Equal($"bob@{directory.Domain}", members[bob].GetProperty("display").GetString());
        Assert.Equal($"{directory.BaseUrl}/Groups/{nested}", members[nested].GetProperty("$ref").GetString());
        Assert.Equal("Nested Team", members[nested].GetProperty("display").GetString());
        Assert.Equal("Group", members[nested].GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("not-a-guid")]
    public async Task Get_WhenIdIsUnknown_ShouldReturn404(string id)
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);

        // Act
        var response = await directory.GetAsync($"/Groups/{id}");

        // Assert
        await ScimDirectory.AssertScimErrorAsync(response, HttpStatusCode.NotFound, null);
    }

    [Fact]
    public async Task Get_WhenGroupBelongsToAnotherOrganization_ShouldReturn404()
    {
        // Arrange
        var other = await ScimDirectory.CreateAsync(factory);
        var theirs = await other.CreateGroupIdAsync("Theirs");
        var directory = await ScimDirectory.CreateAsync(factory);

        // Act
        var response = await directory.GetAsync($"/Groups/{theirs}");

        // Assert
        await ScimDirectory.AssertScimErrorAsync(response, HttpStatusCode.NotFound, null);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/Groups/{theirs}")).StatusCode);
    }

    [Theory]
    [InlineData("?excludedAttributes=members")]
    [InlineData("?excludedAttributes=Members")]
    [InlineData("?excludedAttributes=urn:ietf:params:scim:schemas:core:2.0:Group:members")]
    public async Task Get_WithExcludedAttributesMembers_ShouldReturnNoMembers(string query)
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var users = await directory.CreateUsersAsync(2);
        var id = await directory.CreateGroupIdAsync("Excluded", [.. users]);

        // Act
        var timer = Stopwatch.StartNew();
        var response = await directory.GetAsync($"/Groups/{id}{query}");
        timer.Stop();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var group = await response.ReadJsonAsync();
        Assert.False(group.TryGetProperty("members", out _));
        Assert.Equal(id, group.GetProperty("id").GetString());
        Assert.Equal("Excluded", group.GetProperty("displayName").GetString());
        Assert.True(group.TryGetProperty("meta", out _));
        TestContext.Current.TestOutputHelper?.WriteLine($"GET {query}: {timer.Elapsed.TotalMilliseconds:F1} ms");
    }

    [Fact]
    public async Task Get_WithAttributesDisplayName_ShouldReturnOnlyIdAndDisplayName()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var user = await directory.CreateUserAsync();
        var created = await directory.PostAsync(
            "/Groups", $$"""{"schemas": ["{{ScimDirectory.GroupSchema}}"], "displayName": "Projected", "externalId": "ext-1", "members": [{"value": "{{user}}"}]}""");
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetString()!;

        // Act
        var group = await directory.GetGroupAsync(id, "?attributes=displayName");

        // Assert
        Assert.Equal(id, group.GetProperty("id").GetString());
        Assert.Equal("Projected", group.GetProperty("displayName").GetString());
        Assert.False(group.TryGetProperty("members", out _));
        Assert.False(group.TryGetProperty("externalId", out _));
    }

    [Fact]
    public async Task Get_WithIfNoneMatchOfCurrentVersion_ShouldReturn304()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var id = await directory.CreateGroupIdAsync("Cached");
        var first = await directory.GetAsync($"/Groups/{id}");
        var etag = first.Headers.ETag!.ToString();

        // Act
        var response = await directory.GetAsync($"/Groups/{id}", request => request.Headers.TryAddWithoutValidation("If-None-Match", etag));

        // Assert
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(etag, response.Headers.ETag?.ToString());
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Get_WithIfNoneMatchOfOldVersion_ShouldReturn200()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var id = await directory.CreateGroupIdAsync("Changing");
        var etag = (await directory.GetAsync($"/Groups/{id}")).Headers.ETag!.ToString();
        var patched = await directory.PatchGroupAsync(id, """[{"op": "replace", "path": "displayName", "value": "Changed"}]""");
        Assert.Equal(HttpStatusCode.NoContent, patched.StatusCode);

        // Act
        var response = await directory.GetAsync($"/Groups/{id}", request => request.Headers.TryAddWithoutValidation("If-None-Match", etag));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(etag, response.Headers.ETag?.ToString());
        Assert.Equal("Changed", (await response.ReadJsonAsync()).GetProperty("displayName").GetString());
    }
}
