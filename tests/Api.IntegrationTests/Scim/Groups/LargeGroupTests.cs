using System.Diagnostics;
using System.Net;
using ScimClean.Api.IntegrationTests.Infrastructure;

namespace ScimClean.Api.IntegrationTests.Scim.Groups;

/// <summary>
/// A 50,000-member group through the real API: membership changes touch one row each, and reads either skip the
/// members (Entra's excludedAttributes=members) or return them all. Timings are reported, never asserted.
/// </summary>
public sealed class LargeGroupTests(LargeGroupFixture fixture) : IClassFixture<LargeGroupFixture>
{
    private ScimDirectory Directory => fixture.Directory;

    private TestDatabase Database => fixture.Factory.Database;

    [Fact]
    public async Task Patch_AddOneMember_ShouldReturn204AndAddExactlyOneRow()
    {
        // Arrange
        Log($"built {LargeGroupFixture.MemberCount:N0} users and memberships in {fixture.BuildTime.TotalMilliseconds:F0} ms");
        var added = fixture.SpareUserIds[0];
        var before = await MembershipRows.CountOfGroupAsync(Database, fixture.GroupId);
        var sample = fixture.SampleMemberIds[1];

        // Act
        var timer = Stopwatch.StartNew();
        var response = await Directory.PatchGroupAsync(
            fixture.GroupId, $$"""[{"op": "Add", "path": "members", "value": [{"$ref": null, "value": "{{added}}"}]}]""");
        timer.Stop();

        // Assert
        Log($"PATCH add one member: {timer.Elapsed.TotalMilliseconds:F1} ms");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(before + 1, await MembershipRows.CountOfGroupAsync(Database, fixture.GroupId));
        Assert.Equal(1, await MembershipRows.CountOfMemberAsync(Database, added));
        Assert.Equal(1, await MembershipRows.CountOfMemberAsync(Database, sample));
    }

    [Fact]
    public async Task Patch_RemoveOneMember_ShouldReturn204AndRemoveExactlyOneRow()
    {
        // Arrange
        var removed = fixture.SampleMemberIds[0];
        var untouched = fixture.SampleMemberIds[2];
        var before = await MembershipRows.CountOfGroupAsync(Database, fixture.GroupId);

        // Act
        var timer = Stopwatch.StartNew();
        var response = await Directory.PatchGroupAsync(
            fixture.GroupId, $$"""[{"op": "Remove", "path": "members", "value": [{"value": "{{removed}}"}]}]""");
        timer.Stop();

        // Assert
        Log($"PATCH remove one member: {timer.Elapsed.TotalMilliseconds:F1} ms");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(before - 1, await MembershipRows.CountOfGroupAsync(Database, fixture.GroupId));
        Assert.Equal(0, await MembershipRows.CountOfMemberAsync(Database, removed));
        Assert.Equal(1, await MembershipRows.CountOfMemberAsync(Database, untouched));
    }

    [Fact]
    public async Task Patch_RemoveOneMemberByFilter_ShouldRemoveExactlyOneRow()
    {
        // Arrange
        var removed = fixture.SampleMemberIds[3];
        var before = await MembershipRows.CountOfGroupAsync(Database, fixture.GroupId);

        // Act
        var timer = Stopwatch.StartNew();
        var response = await Directory.PatchGroupAsync(
            fixture.GroupId, $$"""[{"op": "remove", "path": "members[value eq \"{{removed}}\"]"}]""", "?aadOptscim062020");
        timer.Stop();

        // Assert
        Log($"PATCH remove one member by filter: {timer.Elapsed.TotalMilliseconds:F1} ms");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(before - 1, await MembershipRows.CountOfGroupAsync(Database, fixture.GroupId));
        Assert.Equal(0, await MembershipRows.CountOfMemberAsync(Database, removed));
    }

    [Fact]
    public async Task Get_WithExcludedAttributesMembers_ShouldReturn200WithoutMembers()
    {
        // Act
        var timer = Stopwatch.StartNew();
        var response = await Directory.GetAsync($"/Groups/{fixture.GroupId}?excludedAttributes=members");
        timer.Stop();

        // Assert
        Log($"GET excludedAttributes=members: {timer.Elapsed.TotalMilliseconds:F1} ms");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var group = await response.ReadJsonAsync();
        Assert.Equal("All Staff", group.GetProperty("displayName").GetString());
        Assert.False(group.TryGetProperty("members", out _));
    }

    [Fact]
    public async Task Get_WithMembers_ShouldReturn200WithEveryMember()
    {
        // Arrange
        var expected = await MembershipRows.CountOfGroupAsync(Database, fixture.GroupId);

        // Act
        var timer = Stopwatch.StartNew();
        var response = await Directory.GetAsync($"/Groups/{fixture.GroupId}");
        var group = await response.ReadJsonAsync();
        timer.Stop();

        // Assert
        Log($"GET with {expected:N0} members: {timer.Elapsed.TotalMilliseconds:F1} ms");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(expected >= LargeGroupFixture.MemberCount - 2, $"only {expected} rows");
        var members = group.GetProperty("members");
        Assert.Equal(expected, members.GetArrayLength());
        var first = members[0];
        Assert.Equal("User", first.GetProperty("type").GetString());
        Assert.StartsWith("Member ", first.GetProperty("display").GetString(), StringComparison.Ordinal);
        Assert.Equal($"{Directory.BaseUrl}/Users/{first.GetProperty("value").GetString()}", first.GetProperty("$ref").GetString());
    }

    [Fact]
    public async Task List_WithMemberFilterAndExcludedMembers_ShouldFindTheGroup()
    {
        // Arrange
        var member = fixture.SampleMemberIds[4];

        // Act
        var timer = Stopwatch.StartNew();
        var response = await Directory.GetAsync(
            $"/Groups?excludedAttributes=members&filter={Uri.EscapeDataString($"id eq \"{fixture.GroupId}\" and members[value eq \"{member}\"]")}");
        timer.Stop();

        // Assert
        Log($"GET /Groups?filter=id and members[value eq]: {timer.Elapsed.TotalMilliseconds:F1} ms");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = await response.ReadJsonAsync();
        Assert.Equal(1, list.GetProperty("totalResults").GetInt32());
        Assert.False(list.GetProperty("Resources")[0].TryGetProperty("members", out _));
    }

    private static void Log(string message) => TestContext.Current.TestOutputHelper?.WriteLine(message);
}
