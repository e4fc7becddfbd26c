using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ScimClean.Api.IntegrationTests.Infrastructure;

namespace ScimClean.Api.IntegrationTests.Scim.Users;

/// <summary>Sends SCIM requests (application/scim+json) for the /Users resource of one organization.</summary>
public sealed class ScimClient(HttpClient http, string domain)
{
    public const string MediaType = "application/scim+json";

    public HttpClient Http => http;

    public string Domain => domain;

    public string BaseUrl => $"/org/{domain}/scim/v2";

    public string UsersUrl => $"{BaseUrl}/Users";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new organization with directory sync on, and a client holding its token.</summary>
    public static async Task<ScimClient> CreateAsync(ScimCleanApiFactory factory)
    {
        var (domain, token) = await factory.CreateAdminClient().CreateDirectoryAsync();
        return new ScimClient(factory.CreateScimClient(token), domain);
    }

    public Task<HttpResponseMessage> SendAsync(
        HttpMethod method,
        string url,
        JsonNode? body = null,
        string? ifMatch = null,
        string? ifNoneMatch = null,
        string mediaType = MediaType) =>
        SendRawAsync(method, url, body?.ToJsonString(), ifMatch, ifNoneMatch, mediaType);

    public async Task<HttpResponseMessage> SendRawAsync(
        HttpMethod method,
        string url,
        string? body,
        string? ifMatch = null,
        string? ifNoneMatch = null,
        string mediaType = MediaType)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(MediaType));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, mediaType);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return await http.SendAsync(request, Ct);
    }

    public Task<HttpResponseMessage> PostUserAsync(JsonNode body) => SendAsync(HttpMethod.Post, UsersUrl, body);

    public Task<HttpResponseMessage> GetUserAsync(string id, string query = "", string? ifNoneMatch = null) =>
        SendAsync(HttpMethod.Get, $"{UsersUrl}/{id}{query}", ifNoneMatch: ifNoneMatch);

    public Task<HttpResponseMessage> PutUserAsync(string id, JsonNode body, string? ifMatch = null) =>
        SendAsync(HttpMethod.Put, $"{UsersUrl}/{id}", body, ifMatch);

    /// <summary>PATCH; <c>query</c> is "" or a query string such as "?aadOptscim062020" (Entra's dialect flag).</summary>
    public Task<HttpResponseMessage> PatchUserAsync(string id, JsonNode body, string query = "", string? ifMatch = null) =>
        SendAsync(HttpMethod.Patch, $"{UsersUrl}/{id}{query}", body, ifMatch);

    public Task<HttpResponseMessage> DeleteUserAsync(string id, string? ifMatch = null) =>
        SendAsync(HttpMethod.Delete, $"{UsersUrl}/{id}", ifMatch: ifMatch);

    /// <summary>Creates a user, asserting 201; returns the created resource.</summary>
    public async Task<JsonObject> CreateUserAsync(JsonObject? body = null)
    {
        var response = await PostUserAsync(body ?? UserBodies.Minimal());
        await response.AssertStatusAsync(HttpStatusCode.Created);
        return await response.ReadObjectAsync();
    }

    /// <summary>Reads a user, asserting 200; returns the resource.</summary>
    public async Task<JsonObject> GetUserJsonAsync(string id)
    {
        var response = await GetUserAsync(id);
        await response.AssertStatusAsync(HttpStatusCode.OK);
        return await response.ReadObjectAsync();
    }

    /// <summary>Patches a user, asserting 200; returns the patched resource.</summary>
    public async Task<JsonObject> PatchUserJsonAsync(string id, JsonNode body, string query = "")
    {
        var response = await PatchUserAsync(id, body, query);
        await response.AssertStatusAsync(HttpStatusCode.OK);
        return await response.ReadObjectAsync();
    }
}
