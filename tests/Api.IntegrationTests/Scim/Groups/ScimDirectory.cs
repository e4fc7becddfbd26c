using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ScimClean.Api.IntegrationTests.Infrastructure;

namespace ScimClean.Api.IntegrationTests.Scim.Groups;

/// <summary>
/// One organization with directory sync on, and a SCIM client holding its token: sends SCIM requests through the
/// real HTTP pipeline and arranges users and groups the way Entra would.
/// </summary>
public sealed class ScimDirectory
{
    public const string PatchOpSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public const string ListResponseSchema = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public const string ErrorSchema = "urn:ietf:params:scim:api:messages:2.0:Error";
    public const string GroupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public const string UserSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
    public const string ScimMediaType = "application/scim+json";

    private ScimDirectory(ScimCleanApiFactory factory, string domain, string token)
    {
        Factory = factory;
        Domain = domain;
        Token = token;
        Client = factory.CreateScimClient(token);
    }

    public ScimCleanApiFactory Factory { get; }

    public string Domain { get; }

    public string Token { get; }

    public HttpClient Client { get; }

    /// <summary>The SCIM base path, e.g. <c>/org/x.example.com/scim/v2</c>.</summary>
    public string BasePath => $"/org/{Domain}/scim/v2";

    /// <summary>The absolute SCIM base URL the service puts in locations and $ref.</summary>
    public string BaseUrl => $"http://localhost{BasePath}";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<ScimDirectory> CreateAsync(ScimCleanApiFactory factory)
    {
        var (domain, token) = await factory.CreateAdminClient().CreateDirectoryAsync();
        return new ScimDirectory(factory, domain, token);
    }

    /// <summary>Sends a SCIM request; <paramref name="relativePath"/> is below the SCIM base (e.g. "/Groups").</summary>
    public async Task<HttpResponseMessage> SendAsync(
        HttpMethod method,
        string relativePath,
        string? json = null,
        Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, BasePath + relativePath);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(ScimMediaType);
        }

        configure?.Invoke(request);
        return await Client.SendAsync(request, Ct);
    }

    public Task<HttpResponseMessage> GetAsync(string relativePath, Action<HttpRequestMessage>? configure = null) =>
        SendAsync(HttpMethod.Get, relativePath, null, configure);

    public Task<HttpResponseMessage> PostAsync(string relativePath, string json) => SendAsync(HttpMethod.Post, relativePath, json);

    /// <summary>PATCH /Groups/{id} with a PatchOp whose Operations array is <paramref name="operationsJson"/>.</summary>
    public Task<HttpResponseMessage> PatchGroupAsync(
        string groupId,
        string operationsJson,
        string query = "",
        Action<HttpRequestMessage>? configure = null) =>
        SendAsync(
            HttpMethod.Patch,
            $"/Groups/{groupId}{query}",
            $$"""{"schemas": ["{{PatchOpSchema}}"], "Operations": {{operationsJson}}}""",
            configure);

    /// <summary>Creates a user through POST /Users and returns its id.</summary>
    public async Task<string> CreateUserAsync(string? userName = null, string? displayName = null)
    {
        userName ??= $"user-{Guid.NewGuid():N}@{Domain}";
        var body = displayName is null
            ? $$"""{"schemas": ["{{UserSchema}}"], "userName": "{{userName}}", "active": true}"""
            : $$"""{"schemas": ["{{UserSchema}}"], "userName": "{{userName}}", "displayName": "{{displayName}}", "active": true}""";
        var response = await PostAsync("/Users", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetString()!;
    }

    public async Task<List<string>> CreateUsersAsync(int count)
    {
        var ids = new List<string>(count);
        for (var index = 0; index < count; index++)
        {
            ids.Add(await CreateUserAsync());
        }

        return ids;
    }

    /// <summary>Creates a group through POST /Groups and returns the created resource.</summary>
    public async Task<JsonElement> CreateGroupAsync(string displayName, params string[] memberIds)
    {
        var response = await PostAsync("/Groups", GroupBody(displayName, memberIds));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    public async Task<string> CreateGroupIdAsync(string displayName, params string[] memberIds) =>
        (await CreateGroupAsync(displayName, memberIds)).GetProperty("id").GetString()!;

    /// <summary>GET /Groups/{id} (with an optional query string) asserting 200.</summary>
    public async Task<JsonElement> GetGroupAsync(string groupId, string query = "")
    {
        var response = await GetAsync($"/Groups/{groupId}{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    /// <summary>The member ids of a group as GET /Groups/{id} returns them, sorted.</summary>
    public async Task<List<string>> GetMemberIdsAsync(string groupId) => MemberIds(await GetGroupAsync(groupId));

    public static string GroupBody(string displayName, params string[] memberIds)
    {
        var members = string.Join(", ", memberIds.Select(id => $$"""{"value": "{{id}}"}"""));
        return $$"""{"schemas": ["{{GroupSchema}}"], "displayName": "{{displayName}}", "members": [{{members}}]}""";
    }

    /// <summary>Ids of the members of a rendered group, sorted ordinally; empty when it has none.</summary>
    public static List<string> MemberIds(JsonElement group) =>
        group.TryGetProperty("members", out var members)
            ? members.EnumerateArray().Select(member => member.GetProperty("value").GetString()!).Order(StringComparer.Ordinal).ToList()
            : [];

    public static List<string> Sorted(params IEnumerable<string>[] ids) =>
        ids.SelectMany(list => list).Order(StringComparer.Ordinal).ToList();

    /// <summary>Asserts a SCIM error response with the given status and scimType (null: no scimType expected to be checked).</summary>
    public static async Task AssertScimErrorAsync(HttpResponseMessage response, HttpStatusCode status, string? scimType)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(ScimMediaType, response.Content.Headers.ContentType?.MediaType);
        var body = await response.ReadJsonAsync();
        Assert.Equal(ErrorSchema, body.GetProperty("schemas")[0].GetString());
        Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), body.GetProperty("status").GetString());
        if (scimType is not null)
        {
            Assert.Equal(scimType, body.GetProperty("scimType").GetString());
        }
    }
}
