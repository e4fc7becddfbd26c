using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ScimClean.Bench;

/// <summary>Builds the requests the scenarios send, the way Entra and the SaaS operator send them.</summary>
internal static class ScimApi
{
    public const string ScimJson = "application/scim+json";

    public static HttpClient CreateClient(Uri baseAddress) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 256,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public static async Task<string> CreateDirectoryAsync(HttpClient client, string domain)
    {
        using var create = Admin(HttpMethod.Post, "/admin/v1/organizations", new JsonObject { ["domain"] = domain, ["name"] = domain });
        (await client.SendAsync(create)).EnsureSuccessStatusCode();
        using var enable = Admin(HttpMethod.Post, $"/admin/v1/organizations/{domain}/directory-sync", null);
        var response = await client.SendAsync(enable);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body!["secretToken"]!.GetValue<string>();
    }

    public static HttpRequestMessage Admin(HttpMethod method, string url, JsonNode? body)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ServiceProcess.AdminKey);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        return request;
    }

    public static HttpRequestMessage Scim(HttpMethod method, string domain, string token, string path, JsonNode? body = null)
    {
        var request = new HttpRequestMessage(method, $"/org/{domain}/scim/v2{path}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, ScimJson);
        }

        return request;
    }

    public static string UserName(string domain, long index) => $"user{index}@{domain}";

    public static JsonObject User(string domain, long index) => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"),
        ["userName"] = UserName(domain, index),
        ["active"] = true,
        ["displayName"] = $"User {index}",
        ["externalId"] = $"ext-{index}",
        ["name"] = new JsonObject { ["givenName"] = "User", ["familyName"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        ["emails"] = new JsonArray(new JsonObject { ["value"] = $"mail{index}@{domain}", ["type"] = "work", ["primary"] = true }),
        ["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"] = new JsonObject { ["department"] = "Engineering", ["employeeNumber"] = $"{index}" },
    };

    public static JsonObject Group(string displayName) => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:Group"),
        ["displayName"] = displayName,
        ["members"] = new JsonArray(),
    };

    public static JsonObject PatchActive(bool active) => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
        ["Operations"] = new JsonArray(new JsonObject { ["op"] = "Replace", ["path"] = "active", ["value"] = active }),
    };

    /// <summary>A PATCH that always changes the user (a fresh title), so every request commits exactly one event.</summary>
    public static JsonObject PatchTitle(string title) => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
        ["Operations"] = new JsonArray(new JsonObject { ["op"] = "Replace", ["path"] = "title", ["value"] = title }),
    };

    public static JsonObject AddMembers(IEnumerable<string> userIds)
    {
        var members = new JsonArray();
        foreach (var id in userIds)
        {
            members.Add(new JsonObject { ["$ref"] = null, ["value"] = id });
        }

        return new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
            ["Operations"] = new JsonArray(new JsonObject { ["op"] = "Add", ["path"] = "members", ["value"] = members }),
        };
    }

    public static string Filter(string filter) => Uri.EscapeDataString(filter);
}
