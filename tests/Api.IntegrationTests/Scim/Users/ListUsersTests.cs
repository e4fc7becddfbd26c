using System.Net;
using System.Text.Json.Nodes;
using ScimClean.Api.IntegrationTests.Infrastructure;

namespace ScimClean.Api.IntegrationTests.Scim.Users;

/// <summary>GET /Users and POST /Users/.search through the real pipeline: filters, paging, sorting, projection.</summary>
public sealed class ListUsersTests(ScimCleanApiFactory factory) : IClassFixture<ScimCleanApiFactory>
{
    private static string Encode(string filter) => Uri.EscapeDataString(filter);

    private static async Task<string> CreateAsync(ScimClient scim, JsonObject body)
    {
        var response = await scim.PostUserAsync(body);
        await response.AssertStatusAsync(HttpStatusCode.Created);
        return (await response.ReadObjectAsync())["id"]!.GetValue<string>();
    }

    private static async Task<JsonObject> ListAsync(ScimClient scim, string query)
    {
        var response = await scim.SendAsync(HttpMethod.Get, $"{scim.UsersUrl}{query}");
        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(ScimClient.MediaType, response.Content.Headers.ContentType?.MediaType);
        return await response.ReadObjectAsync();
    }

    private static List<string> UserNames(JsonObject list) =>
        list["Resources"]!.AsArray().Select(item => item!["userName"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task TestConnection_WhenFilteringOnARandomUserName_ShouldReturnAnEmptyListResponse()
    {
        var scim = await ScimClient.CreateAsync(factory);

        var list = await ListAsync(scim, $"?filter={Encode($"userName eq \"{Guid.NewGuid()}\"")}");

        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:ListResponse", list["schemas"]![0]!.GetValue<string>());
        Assert.Equal(0, list["totalResults"]!.GetValue<int>());
        Assert.Empty(list["Resources"]!.AsArray());
    }

    [Fact]
    public async Task Filter_OnUserNameInAnotherCase_ShouldFindTheUser()
    {
        var scim = await ScimClient.CreateAsync(factory);
        await CreateAsync(scim, UserBodies.Minimal(userName: "Ada.Lovelace@Contoso.com"));
        await CreateAsync(scim, UserBodies.Minimal());

        var list = await ListAsync(scim, $"?filter={Encode("userName eq \"ada.lovelace@contoso.COM\"")}");

        Assert.Equal(["Ada.Lovelace@Contoso.com"], UserNames(list));
    }

    [Fact]
    public async Task Filter_OnWorkEmailValue_ShouldUseTheEntraValuePathForm()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var emails = new JsonArray(new JsonObject { ["value"] = "grace@contoso.com", ["type"] = "work", ["primary"] = true });
        var id = await CreateAsync(scim, UserBodies.Minimal(emails: emails));
        await CreateAsync(scim, UserBodies.Minimal());

        var list = await ListAsync(scim, $"?filter={Encode("emails[type eq \"work\"].value eq \"GRACE@contoso.com\"")}");

        Assert.Equal(id, Assert.Single(list["Resources"]!.AsArray())!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Filter_OnExternalId_ShouldBeCaseExact()
    {
        var scim = await ScimClient.CreateAsync(factory);
        await CreateAsync(scim, UserBodies.Minimal(externalId: "Obj-123"));

        var exact = await ListAsync(scim, $"?filter={Encode("externalId eq \"Obj-123\"")}");
        var otherCase = await ListAsync(scim, $"?filter={Encode("externalId eq \"obj-123\"")}");

        Assert.Equal(1, exact["totalResults"]!.GetValue<int>());
        Assert.Equal(0, otherCase["totalResults"]!.GetValue<int>());
    }

    [Fact]
    public async Task Filter_WithLogicalOperatorsAndStringBooleans_ShouldApplyPrecedence()
    {
        var scim = await ScimClient.CreateAsync(factory);
        await CreateAsync(scim, UserBodies.Minimal(userName: "a1@x.com", active: false, displayName: "Alpha"));
        await CreateAsync(scim, UserBodies.Minimal(userName: "b1@x.com", active: true, displayName: "Beta"));
        await CreateAsync(scim, UserBodies.Minimal(userName: "c1@x.com", active: true, displayName: "Gamma"));

        var list = await ListAsync(
            scim, $"?sortBy=userName&filter={Encode("active eq \"False\" or displayName sw \"Be\" and not (userName ew \"c1@x.com\")")}");

        Assert.Equal(["a1@x.com", "b1@x.com"], UserNames(list));
    }

    [Fact]
    public async Task Filter_OnADisabledUser_ShouldStillFindIt()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var userName = UserBodies.NewUserName();
        await CreateAsync(scim, UserBodies.Minimal(userName: userName, active: false));

        var list = await ListAsync(scim, $"?filter={Encode($"userName eq \"{userName}\"")}");

        Assert.False(Assert.Single(list["Resources"]!.AsArray())!["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Filter_OnLastModified_ShouldCompareDates()
    {
        var scim = await ScimClient.CreateAsync(factory);
        await CreateAsync(scim, UserBodies.Minimal());
        var since = factory.Clock.GetUtcNow().AddSeconds(-1).ToString("O");

        var after = await ListAsync(scim, $"?filter={Encode($"meta.lastModified ge \"{since}\"")}");
        var before = await ListAsync(scim, $"?filter={Encode("meta.lastModified lt \"2000-01-01T00:00:00Z\"")}");

        Assert.True(after["totalResults"]!.GetValue<int>() >= 1);
        Assert.Equal(0, before["totalResults"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("userName eq")]
    [InlineData("userName xx \"a\"")]
    [InlineData("(userName eq \"a\"")]
    [InlineData("noSuchAttribute eq \"a\"")]
    [InlineData("name eq \"a\"")]
    public async Task Filter_WhenInvalid_ShouldReturn400InvalidFilter(string filter)
    {
        var scim = await ScimClient.CreateAsync(factory);

        var response = await scim.SendAsync(HttpMethod.Get, $"{scim.UsersUrl}?filter={Encode(filter)}");

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidFilter");
    }

    [Fact]
    public async Task Paging_ShouldBeOneBasedWithTotalResultsAndAStableOrderWithoutGapsOrDuplicates()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var created = new List<string>();
        for (var index = 0; index < 5; index++)
        {
            created.Add(await CreateAsync(scim, UserBodies.Minimal(userName: $"page{index}@x.com")));
        }

        var all = await ListAsync(scim, string.Empty);
        var pages = new[]
        {
            await ListAsync(scim, "?startIndex=1&count=2"),
            await ListAsync(scim, "?startIndex=3&count=2"),
            await ListAsync(scim, "?startIndex=5&count=2"),
        };

        static IEnumerable<string> Ids(JsonObject list) => list["Resources"]!.AsArray().Select(item => item!["id"]!.GetValue<string>());
        Assert.Equal(5, pages[0]["totalResults"]!.GetValue<int>());
        Assert.Equal(1, pages[0]["startIndex"]!.GetValue<int>());
        Assert.Equal(2, pages[0]["itemsPerPage"]!.GetValue<int>());
        Assert.Equal(1, pages[2]["itemsPerPage"]!.GetValue<int>());
        Assert.Equal(Ids(all), pages.SelectMany(Ids));
        Assert.Equal(created.Order(), Ids(all).Order());
    }

    [Fact]
    public async Task Paging_WhenCountIsAboveTheMaximum_ShouldBeCapped()
    {
        var scim = await ScimClient.CreateAsync(factory);
        await CreateAsync(scim, UserBodies.Minimal());

        var list = await ListAsync(scim, "?count=100000");

        Assert.Equal(1, list["itemsPerPage"]!.GetValue<int>());
    }

    [Fact]
    public async Task Paging_WhenCountIsNotANumber_ShouldReturn400()
    {
        var scim = await ScimClient.CreateAsync(factory);

        var response = await scim.SendAsync(HttpMethod.Get, $"{scim.UsersUrl}?count=many");

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
    }

    [Fact]
    public async Task Sort_ByUserNameDescending_ShouldOrderCaseInsensitively()
    {
        var scim = await ScimClient.CreateAsync(factory);
        await CreateAsync(scim, UserBodies.Minimal(userName: "b@x.com"));
        await CreateAsync(scim, UserBodies.Minimal(userName: "C@x.com"));
        await CreateAsync(scim, UserBodies.Minimal(userName: "a@x.com"));

        var list = await ListAsync(scim, "?sortBy=userName&sortOrder=descending");

        Assert.Equal(["C@x.com", "b@x.com", "a@x.com"], UserNames(list));
    }

    [Fact]
    public async Task Attributes_OnAList_ShouldReturnOnlyThoseAndTheAlwaysReturnedOnes()
    {
        var scim = await ScimClient.CreateAsync(factory);
        await CreateAsync(scim, UserBodies.Minimal(displayName: "Shown?"));

        var list = await ListAsync(scim, "?attributes=userName");

        var resource = Assert.Single(list["Resources"]!.AsArray())!.AsObject();
        Assert.True(resource.ContainsKey("id"));
        Assert.True(resource.ContainsKey("schemas"));
        Assert.True(resource.ContainsKey("userName"));
        Assert.False(resource.ContainsKey("displayName"));
    }

    [Fact]
    public async Task ExcludedAttributes_OnAList_ShouldRemoveThem()
    {
        var scim = await ScimClient.CreateAsync(factory);
        await CreateAsync(scim, UserBodies.Minimal(displayName: "Hidden"));

        var list = await ListAsync(scim, "?excludedAttributes=displayName,emails");

        var resource = Assert.Single(list["Resources"]!.AsArray())!.AsObject();
        Assert.False(resource.ContainsKey("displayName"));
        Assert.True(resource.ContainsKey("userName"));
    }

    [Fact]
    public async Task Search_WithAPostedSearchRequest_ShouldFilterPageAndProject()
    {
        var scim = await ScimClient.CreateAsync(factory);
        var userName = UserBodies.NewUserName();
        await CreateAsync(scim, UserBodies.Minimal(userName: userName, displayName: "Searched"));
        await CreateAsync(scim, UserBodies.Minimal());
        var search = new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:api:messages:2.0:SearchRequest"),
            ["filter"] = $"userName eq \"{userName}\"",
            ["attributes"] = new JsonArray("displayName"),
            ["startIndex"] = 1,
            ["count"] = 10,
        };

        var response = await scim.SendAsync(HttpMethod.Post, $"{scim.UsersUrl}/.search", search);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var list = await response.ReadObjectAsync();
        var resource = Assert.Single(list["Resources"]!.AsArray())!.AsObject();
        Assert.Equal("Searched", resource["displayName"]!.GetValue<string>());
        Assert.False(resource.ContainsKey("userName"));
    }

    [Fact]
    public async Task Search_WhenTheBodyHasAWrongType_ShouldReturn400()
    {
        var scim = await ScimClient.CreateAsync(factory);

        var response = await scim.SendAsync(HttpMethod.Post, $"{scim.UsersUrl}/.search", new JsonObject { ["count"] = "ten" });

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
    }

    [Fact]
    public async Task List_ShouldNeverShowAnotherOrganizationsUsers()
    {
        var mine = await ScimClient.CreateAsync(factory);
        var theirs = await ScimClient.CreateAsync(factory);
        var shared = UserBodies.NewUserName();
        await CreateAsync(theirs, UserBodies.Minimal(userName: shared));

        var list = await ListAsync(mine, $"?filter={Encode($"userName eq \"{shared}\"")}");
        var all = await ListAsync(mine, string.Empty);

        Assert.Equal(0, list["totalResults"]!.GetValue<int>());
        Assert.Equal(0, all["totalResults"]!.GetValue<int>());
    }
}
