using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ScimClean.Api.IntegrationTests.Infrastructure;

/// <summary>Arranges organizations and directory tokens through the real admin API.</summary>
public static class AdminApi
{
    public static string NewDomain() => $"org-{Guid.NewGuid():N}.example.com";

    public static async Task<string> CreateOrganizationAsync(this HttpClient admin, string? domain = null)
    {
        domain ??= NewDomain();
        var response = await admin.PostAsJsonAsync(
            "/admin/v1/organizations", new { domain, name = "Test Org" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return domain;
    }

    /// <summary>Creates an organization with directory sync on; returns its domain and SCIM token.</summary>
    public static async Task<(string Domain, string Token)> CreateDirectoryAsync(this HttpClient admin)
    {
        var domain = await admin.CreateOrganizationAsync();
        var token = await admin.EnableDirectorySyncAsync(domain);
        return (domain, token);
    }

    public static async Task<string> EnableDirectorySyncAsync(this HttpClient admin, string domain)
    {
        var response = await admin.PostAsync(
            $"/admin/v1/organizations/{domain}/directory-sync", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        return body.GetProperty("secretToken").GetString()!;
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
