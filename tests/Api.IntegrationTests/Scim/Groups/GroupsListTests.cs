using System.Net;
using System.Text.Json;
using ScimClean.Api.IntegrationTests.Infrastructure;

namespace ScimClean.Api.IntegrationTests.Scim.Groups;

public sealed class GroupsListTests(ScimCleanApiFactory factory) : IClassFixture<ScimCleanApiFactory>
{
    [Theory]
    [InlineData("Marketing")]
    [InlineData("marketing")]
    [InlineData("MARKETING")]
    public async Task List_WithDisplayNameEq_ShouldMatchCaseInsensitively(string value)
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var id = await directory.CreateGroupIdAsync("Marketing");
        await directory.CreateGroupIdAsync("Marketing EU");

        // Act
        var list = await ListAsync(directory, $"displayName eq \"{value}\"");

        // Assert
        Assert.Equal(1, list.GetProperty("totalResults").GetInt32());
        Assert.Equal([id], Ids(list));
    }

    [Fact]
    public async Task List_WithExternalIdEq_ShouldReturnThatGroup()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var created = await directory.PostAsync(
            "/Groups", $$"""{"schemas": ["{{ScimDirectory.GroupSchema}}"], "displayName": "With External", "externalId": "ext-42"}""");
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetString()!;
        await directory.CreateGroupIdAsync("Without External");

        // Act
        var list = await ListAsync(directory, "externalId eq \"ext-42\"");

        // Assert
        Assert.Equal([id], Ids(list));
    }

    [Theory]
    [InlineData("members[value eq \"{0}\"]")]
    [InlineData("members.value eq \"{0}\"")]
    public async Task List_WithMemberValueFilter_ShouldReturnTheGroupsOfThatMember(string template)
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var alice = await directory.CreateUserAsync();
        var bob = await directory.CreateUserAsync();
        var first = await directory.CreateGroupIdAsync("First", alice, bob);
        var second = await directory.CreateGroupIdAsync("Second", alice);
        await directory.CreateGroupIdAsync("Third", bob);
        await directory.CreateGroupIdAsync("Empty");

        // Act
        var list = await ListAsync(directory, string.Format(System.Globalization.CultureInfo.InvariantCulture, template, alice));

        // Assert
        Assert.Equal(2, list.GetProperty("totalResults").GetInt32());
        Assert.Equal(ScimDirectory.Sorted([first, second]), Ids(list).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task List_WithMemberValueFilterAndExcludedMembers_ShouldReturnGroupsWithoutMembers()
    {
        // Arrange: what Entra sends to check a membership.
        var directory = await ScimDirectory.CreateAsync(factory);
        var alice = await directory.CreateUserAsync();
        var id = await directory.CreateGroupIdAsync("Checked", alice);

        // Act
        var response = await directory.GetAsync(
            $"/Groups?excludedAttributes=members&filter={Uri.EscapeDataString($"id eq \"{id}\" and members[value eq \"{alice}\"]")}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = await response.ReadJsonAsync();
        Assert.Equal([id], Ids(list));
        Assert.False(list.GetProperty("Resources")[0].TryGetProperty("members", out _));
    }

    [Fact]
    public async Task List_WhenNothingMatches_ShouldReturn200WithEmptyListResponse()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        await directory.CreateGroupIdAsync("Existing");

        // Act
        var response = await directory.GetAsync($"/Groups?filter={Uri.EscapeDataString("displayName eq \"Missing\"")}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ScimDirectory.ScimMediaType, response.Content.Headers.ContentType?.MediaType);
        var list = await response.ReadJsonAsync();
        Assert.Equal(ScimDirectory.ListResponseSchema, list.GetProperty("schemas")[0].GetString());
        Assert.Equal(0, list.GetProperty("totalResults").GetInt32());
        Assert.Equal(0, list.GetProperty("itemsPerPage").GetInt32());
        Assert.Equal(1, list.GetProperty("startIndex").GetInt32());
        if (list.TryGetProperty("Resources", out var resources))
        {
            Assert.Equal(0, resources.GetArrayLength());
        }
    }

    [Theory]
    [InlineData("displayName eq")]
    [InlineData("displayName xx \"a\"")]
    [InlineData("(displayName eq \"a\"")]
    [InlineData("displayName eq \"unterminated")]
    [InlineData("noSuchAttribute eq \"a\"")]
    public async Task List_WithBadFilter_ShouldReturn400InvalidFilter(string filter)
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);

        // Act
        var response = await directory.GetAsync($"/Groups?filter={Uri.EscapeDataString(filter)}");

        // Assert
        await ScimDirectory.AssertScimErrorAsync(response, HttpStatusCode.BadRequest, "invalidFilter");
    }

    [Fact]
    public async Task List_WithSortByDisplayNameAndPaging_ShouldReturnPagesInOrder()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        foreach (var name in new[] { "delta", "Alpha", "echo", "Charlie", "bravo" })
        {
            await directory.CreateGroupIdAsync(name);
        }

        // Act
        var first = await ListAsync(directory, null, "&sortBy=displayName&startIndex=1&count=2");
        var second = await ListAsync(directory, null, "&sortBy=displayName&startIndex=3&count=2");
        var third = await ListAsync(directory, null, "&sortBy=displayName&startIndex=5&count=2");
        var descending = await ListAsync(directory, null, "&sortBy=displayName&sortOrder=descending&count=2");

        // Assert
        Assert.Equal(["Alpha", "bravo"], Names(first));
        Assert.Equal(["Charlie", "delta"], Names(second));
        Assert.Equal(["echo"], Names(third));
        Assert.Equal(["echo", "delta"], Names(descending));
        foreach (var (page, start, items) in new[] { (first, 1, 2), (second, 3, 2), (third, 5, 1) })
        {
            Assert.Equal(5, page.GetProperty("totalResults").GetInt32());
            Assert.Equal(start, page.GetProperty("startIndex").GetInt32());
            Assert.Equal(items, page.GetProperty("itemsPerPage").GetInt32());
        }
    }

    [Fact]
    public async Task Search_WithPostedSearchRequest_ShouldFilterSortAndPage()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var alice = await directory.CreateUserAsync();
        var zulu = await directory.CreateGroupIdAsync("Zulu", alice);
        var yankee = await directory.CreateGroupIdAsync("yankee", alice);
        await directory.CreateGroupIdAsync("Xray");

        // Act
        var response = await directory.PostAsync("/Groups/.search", $$"""
            {"schemas": ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
             "filter": "members[value eq \"{{alice}}\"]",
             "sortBy": "displayName", "startIndex": 1, "count": 10,
             "excludedAttributes": ["members"]}
            """);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = await response.ReadJsonAsync();
        Assert.Equal(2, list.GetProperty("totalResults").GetInt32());
        Assert.Equal([yankee, zulu], Ids(list));
        Assert.All(list.GetProperty("Resources").EnumerateArray(), group => Assert.False(group.TryGetProperty("members", out _)));
    }

    [Fact]
    public async Task Search_WithBadFilter_ShouldReturn400InvalidFilter()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);

        // Act
        var response = await directory.PostAsync(
            "/Groups/.search", """{"schemas": ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"], "filter": "displayName eq"}""");

        // Assert
        await ScimDirectory.AssertScimErrorAsync(response, HttpStatusCode.BadRequest, "invalidFilter");
    }

    [Theory]
    [InlineData("displayName sw \"mark\"", 2)]
    [InlineData("displayName co \"ING E\"", 1)]
    [InlineData("displayName ew \"EU\"", 1)]
    [InlineData("not (displayName eq \"Marketing\")", 2)]
    [InlineData("displayName eq \"Marketing\" or displayName eq \"Sales\"", 2)]
    [InlineData("externalId pr", 1)]
    [InlineData("meta.lastModified gt \"2000-01-01T00:00:00Z\"", 3)]
    public async Task List_WithOtherOperators_ShouldCount(string filter, int expected)
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        await directory.CreateGroupIdAsync("Marketing");
        await directory.CreateGroupIdAsync("Marketing EU");
        await directory.PostAsync("/Groups", $$"""{"schemas": ["{{ScimDirectory.GroupSchema}}"], "displayName": "Sales", "externalId": "s"}""");

        // Act
        var list = await ListAsync(directory, filter);

        // Assert
        Assert.Equal(expected, list.GetProperty("totalResults").GetInt32());
    }

    [Fact]
    public async Task List_WithIdEq_ShouldNotReturnAnotherOrganizationsGroup()
    {
        // Arrange
        var other = await ScimDirectory.CreateAsync(factory);
        var theirs = await other.CreateGroupIdAsync("Same");
        var directory = await ScimDirectory.CreateAsync(factory);
        await directory.CreateGroupIdAsync("Same");

        // Act
        var byId = await ListAsync(directory, $"id eq \"{theirs}\"");
        var byName = await ListAsync(directory, "displayName eq \"Same\"");

        // Assert
        Assert.Equal(0, byId.GetProperty("totalResults").GetInt32());
        Assert.Equal(1, byName.GetProperty("totalResults").GetInt32());
        Assert.DoesNotContain(theirs, Ids(byName));
    }

    [Fact]
    public async Task List_WithCountZero_ShouldReturnOnlyTheTotal()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        await directory.CreateGroupIdAsync("One");
        await directory.CreateGroupIdAsync("Two");

        // Act
        var list = await ListAsync(directory, null, "&count=0");

        // Assert
        Assert.Equal(2, list.GetProperty("totalResults").GetInt32());
        Assert.Empty(Ids(list));
    }

    [Fact]
    public async Task List_ShouldRenderMembersOfEachGroup()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var users = await directory.CreateUsersAsync(2);
        var first = await directory.CreateGroupIdAsync("A first", users[0]);
        var second = await directory.CreateGroupIdAsync("B second", users[0], users[1]);

        // Act
        var list = await ListAsync(directory, null, "&sortBy=displayName");

        // Assert
        var resources = list.GetProperty("Resources").EnumerateArray().ToList();
        Assert.Equal([first, second], resources.Select(group => group.GetProperty("id").GetString()!));
        Assert.Equal([users[0]], ScimDirectory.MemberIds(resources[0]));
        Assert.Equal(ScimDirectory.Sorted(users), ScimDirectory.MemberIds(resources[1]));
    }

    private static async Task<JsonElement> ListAsync(ScimDirectory directory, string? filter, string extra = "")
    {
        var query = filter is null ? "?" : $"?filter={Uri.EscapeDataString(filter)}";
        var response = await directory.GetAsync($"/Groups{query}{extra}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static List<string> Ids(JsonElement list) =>
        list.TryGetProperty("Resources", out var resources)
            ? resources.EnumerateArray().Select(group => group.GetProperty("id").GetString()!).ToList()
            : [];

    private static List<string> Names(JsonElement list) =>
        list.GetProperty("Resources").EnumerateArray().Select(group => group.GetProperty("displayName").GetString()!).ToList();
}
