using System.Net;
using ScimClean.Api.IntegrationTests.Infrastructure;

namespace ScimClean.Api.IntegrationTests.Scim.Groups;

public sealed class GroupsCreateTests(ScimCleanApiFactory factory) : IClassFixture<ScimCleanApiFactory>
{
    private const string CustomSchema = "urn:ietf:params:scim:schemas:extension:Custom:2.0:Group";

    [Fact]
    public async Task Post_WithoutMembers_ShouldReturn201WithLocationETagMetaAndSchemas()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);

        // Act
        var response = await directory.PostAsync("/Groups", $$"""{"schemas": ["{{ScimDirectory.GroupSchema}}"], "displayName": "Sales"}""");

        // Assert
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(ScimDirectory.ScimMediaType, response.Content.Headers.ContentType?.MediaType);
        var group = await response.ReadJsonAsync();
        var id = group.GetProperty("id").GetString()!;
        Assert.True(Guid.TryParse(id, out _));
        Assert.Equal($"{directory.BaseUrl}/Groups/{id}", response.Headers.Location?.ToString());
        Assert.NotNull(response.Headers.ETag);
        Assert.True(response.Headers.ETag!.IsWeak);
        Assert.Contains(ScimDirectory.GroupSchema, group.GetProperty("schemas").EnumerateArray().Select(schema => schema.GetString()));
        Assert.Equal("Sales", group.GetProperty("displayName").GetString());
        Assert.False(group.TryGetProperty("members", out _));
        var meta = group.GetProperty("meta");
        Assert.Equal("Group", meta.GetProperty("resourceType").GetString());
        Assert.Equal($"{directory.BaseUrl}/Groups/{id}", meta.GetProperty("location").GetString());
        Assert.Equal(response.Headers.ETag.ToString(), meta.GetProperty("version").GetString());
        Assert.Equal(factory.Clock.GetUtcNow(), meta.GetProperty("created").GetDateTimeOffset());
        Assert.Equal(factory.Clock.GetUtcNow(), meta.GetProperty("lastModified").GetDateTimeOffset());
        Assert.Equal(0, await MembershipRows.CountOfGroupAsync(factory.Database, id));
    }

    [Fact]
    public async Task Post_WithUserAndGroupMembers_ShouldReturn201AndStoreOneRowPerMember()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var alice = await directory.CreateUserAsync();
        var bob = await directory.CreateUserAsync();
        var nested = await directory.CreateGroupIdAsync("Nested");

        // Act
        var response = await directory.PostAsync("/Groups", ScimDirectory.GroupBody("Engineering", alice, bob, nested));

        // Assert
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var group = await response.ReadJsonAsync();
        var id = group.GetProperty("id").GetString()!;
        Assert.Equal(ScimDirectory.Sorted([alice, bob, nested]), ScimDirectory.MemberIds(group));
        var types = group.GetProperty("members").EnumerateArray()
            .ToDictionary(member => member.GetProperty("value").GetString()!, member => member.GetProperty("type").GetString());
        Assert.Equal("User", types[alice]);
        Assert.Equal("Group", types[nested]);
        Assert.Equal(3, await MembershipRows.CountOfGroupAsync(factory.Database, id));
        Assert.Equal(ScimDirectory.Sorted([alice, bob, nested]), await directory.GetMemberIdsAsync(id));
    }

    [Fact]
    public async Task Post_WhenDisplayNameTakenInAnotherCase_ShouldReturn409Uniqueness()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        await directory.CreateGroupIdAsync("Finance Team");

        // Act
        var response = await directory.PostAsync("/Groups", ScimDirectory.GroupBody("FINANCE team"));

        // Assert
        await ScimDirectory.AssertScimErrorAsync(response, HttpStatusCode.Conflict, "uniqueness");
        Assert.Equal(1, await MembershipRows.CountGroupsNamedAsync(factory.Database, "finance team"));
    }

    [Fact]
    public async Task Post_WhenDisplayNameTakenInAnotherOrganization_ShouldReturn201()
    {
        // Arrange
        var other = await ScimDirectory.CreateAsync(factory);
        await other.CreateGroupIdAsync("Shared Name");
        var directory = await ScimDirectory.CreateAsync(factory);

        // Act
        var response = await directory.PostAsync("/Groups", ScimDirectory.GroupBody("shared name"));

        // Assert
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"]}""")]
    [InlineData("""{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": ""}""")]
    [InlineData("""{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "   "}""")]
    [InlineData("""{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": null}""")]
    public async Task Post_WithoutDisplayName_ShouldReturn400(string body)
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);

        // Act
        var response = await directory.PostAsync("/Groups", body);

        // Assert
        await ScimDirectory.AssertScimErrorAsync(response, HttpStatusCode.BadRequest, null);
        var list = await (await directory.GetAsync("/Groups")).ReadJsonAsync();
        Assert.Equal(0, list.GetProperty("totalResults").GetInt32());
    }

    [Fact]
    public async Task Post_WithExternalId_ShouldStoreAndReturnIt()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var externalId = Guid.NewGuid().ToString();

        // Act
        var response = await directory.PostAsync(
            "/Groups", $$"""{"schemas": ["{{ScimDirectory.GroupSchema}}"], "displayName": "Ops", "externalId": "{{externalId}}"}""");

        // Assert
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadJsonAsync();
        Assert.Equal(externalId, created.GetProperty("externalId").GetString());
        var read = await directory.GetGroupAsync(created.GetProperty("id").GetString()!);
        Assert.Equal(externalId, read.GetProperty("externalId").GetString());
    }

    [Fact]
    public async Task Post_WithCustomExtension_ShouldStoreItAsSent()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var body = $$"""
            {"schemas": ["{{ScimDirectory.GroupSchema}}", "{{CustomSchema}}"],
             "displayName": "Extended",
             "{{CustomSchema}}": {"costCode": "X-1", "tags": ["a", "b"], "level": 3, "secret": false}
             }
            """;

        // Act
        var response = await directory.PostAsync("/Groups", body);

        // Assert
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.ReadJsonAsync()).GetProperty("id").GetString()!;
        var read = await directory.GetGroupAsync(id);
        var extension = read.GetProperty(CustomSchema);
        Assert.Equal("X-1", extension.GetProperty("costCode").GetString());
        Assert.Equal(["a", "b"], extension.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()));
        Assert.Equal(3, extension.GetProperty("level").GetInt32());
        Assert.False(extension.GetProperty("secret").GetBoolean());
        Assert.Contains(CustomSchema, read.GetProperty("schemas").EnumerateArray().Select(schema => schema.GetString()));
    }

    public static TheoryData<string> UnknownMemberKinds => ["random-guid", "not-a-guid", "other-org-user", "other-org-group"];

    [Theory]
    [MemberData(nameof(UnknownMemberKinds))]
    public async Task Post_WithMemberNotOfTheOrganization_ShouldReturn400InvalidValueAndCreateNothing(string kind)
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var valid = await directory.CreateUserAsync();
        var other = await ScimDirectory.CreateAsync(factory);
        var unknown = kind switch
        {
            "random-guid" => Guid.NewGuid().ToString(),
            "not-a-guid" => "not-a-guid",
            "other-org-user" => await other.CreateUserAsync(),
            _ => await other.CreateGroupIdAsync("Theirs"),
        };
        var displayName = $"Rejected {Guid.NewGuid():N}";

        // Act
        var response = await directory.PostAsync("/Groups", ScimDirectory.GroupBody(displayName, valid, unknown));

        // Assert
        await ScimDirectory.AssertScimErrorAsync(response, HttpStatusCode.BadRequest, "invalidValue");
        Assert.Equal(0, await MembershipRows.CountGroupsNamedAsync(factory.Database, displayName));
        Assert.Equal(0, await MembershipRows.CountOfMemberAsync(factory.Database, valid));
        var list = await (await directory.GetAsync("/Groups")).ReadJsonAsync();
        Assert.Equal(0, list.GetProperty("totalResults").GetInt32());
    }

    [Fact]
    public async Task Post_AsEntraSendsIt_WithEmptyMembersAndExternalId_ShouldReturn201()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);

        // Act
        var response = await directory.PostAsync("/Groups", $$"""
            {"schemas": ["{{ScimDirectory.GroupSchema}}", "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
             "externalId": "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159", "displayName": "Group1936", "members": []}
            """);

        // Assert
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var group = await response.ReadJsonAsync();
        Assert.Empty(ScimDirectory.MemberIds(group));
        Assert.Equal(0, await MembershipRows.CountOfGroupAsync(factory.Database, group.GetProperty("id").GetString()!));
    }

    [Fact]
    public async Task Post_WithFullMemberObjectsAndDuplicates_ShouldStoreOneRowPerMember()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var user = await directory.CreateUserAsync();

        // Act
        var response = await directory.PostAsync("/Groups", $$"""
            {"schemas": ["{{ScimDirectory.GroupSchema}}"], "displayName": "Dupes",
             "members": [{"value": "{{user}}", "display": "whatever", "type": "User", "$ref": "{{directory.BaseUrl}}/Users/{{user}}"},
                         {"value": "{{user}}"}]}
            """);

        // Assert
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.ReadJsonAsync()).GetProperty("id").GetString()!;
        Assert.Equal(1, await MembershipRows.CountOfGroupAsync(factory.Database, id));
        Assert.Equal([user], await directory.GetMemberIdsAsync(id));
    }

    [Fact]
    public async Task Post_WithUnsupportedMediaType_ShouldReturn400()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);

        // Act
        var response = await directory.SendAsync(
            HttpMethod.Post,
            "/Groups",
            ScimDirectory.GroupBody("Text"),
            request => request.Content!.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain"));

        // Assert
        await ScimDirectory.AssertScimErrorAsync(response, HttpStatusCode.BadRequest, "invalidSyntax");
    }

    [Fact]
    public async Task Post_WithoutToken_ShouldReturn401AndCreateNothing()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        using var anonymous = factory.CreateClient();
        using var content = new StringContent(ScimDirectory.GroupBody("Anonymous"));

        // Act
        var response = await anonymous.PostAsync($"{directory.BasePath}/Groups", content, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await MembershipRows.CountGroupsNamedAsync(factory.Database, "Anonymous"));
    }
}
