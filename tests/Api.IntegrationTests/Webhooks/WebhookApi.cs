using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ScimClean.Api.IntegrationTests.Infrastructure;
using ScimClean.Api.IntegrationTests.Scim.Users;
using ScimClean.Domain.Webhooks;
using ScimClean.Infrastructure.Persistence;

namespace ScimClean.Api.IntegrationTests.Webhooks;

/// <summary>Arranges webhook endpoints and SCIM writes through the real API, and reads webhook rows from the SQLite file.</summary>
public static class WebhookApi
{
    public const string EndpointsUrl = "/admin/v1/webhook-endpoints";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Registers an endpoint, asserting 201; returns the response body (with the secret).</summary>
    public static async Task<JsonElement> CreateWebhookEndpointAsync(
        this HttpClient admin,
        string url = "https://app.example/hooks/scim",
        string[]? events = null,
        string[]? organizations = null)
    {
        var response = await admin.PostAsJsonAsync(EndpointsUrl, new { url, events, organizations }, Ct);
        await response.AssertStatusAsync(HttpStatusCode.Created);
        return await response.ReadJsonAsync();
    }

    public static string Id(this JsonElement element) => element.GetProperty("id").GetString()!;

    /// <summary>A new organization with directory sync, and an endpoint subscribed to it alone (so other tests' events stay out).</summary>
    public static async Task<(ScimClient Scim, string EndpointId)> CreateDirectoryWithEndpointAsync(
        ScimCleanApiFactory factory,
        string[]? events = null)
    {
        var scim = await ScimClient.CreateAsync(factory);
        var endpoint = await factory.CreateAdminClient().CreateWebhookEndpointAsync(events: events, organizations: [scim.Domain]);
        return (scim, endpoint.Id());
    }

    public static async Task<JsonElement> GetDeliveriesAsync(this HttpClient admin, string endpointId, string query = "")
    {
        var response = await admin.GetAsync($"{EndpointsUrl}/{endpointId}/deliveries{query}", Ct);
        await response.AssertStatusAsync(HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }

    /// <summary>Runs one SQL query on the test's database and returns the first column of every row.</summary>
    public static async Task<List<string?>> QueryDatabaseAsync(ScimCleanApiFactory factory, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await factory.Database.OpenConnectionAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            TestDatabase.AddParameter(command, name, value);
        }

        var values = new List<string?>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            values.Add(reader.IsDBNull(0) ? null : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        }

        return values;
    }

    /// <summary>Changes stored deliveries as a dispatcher would (the dispatcher itself is not part of these tests).</summary>
    public static async Task UpdateDeliveriesAsync(ScimCleanApiFactory factory, Guid endpointId, Action<WebhookDelivery> change)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var dbContext = scope.ServiceProvider.GetRequiredService<ScimCleanDbContext>();
        var deliveries = await dbContext.WebhookDeliveries.Where(delivery => delivery.EndpointId == endpointId).ToListAsync(Ct);
        deliveries.ForEach(change);
        await dbContext.SaveChangesAsync(Ct);
    }

    /// <summary>Every event of one organization through the events API, in one page.</summary>
    public static async Task<List<JsonElement>> GetAllEventsAsync(this HttpClient admin, string organization)
    {
        var response = await admin.GetAsync($"/admin/v1/events?organization={organization}&limit=1000", Ct);
        await response.AssertStatusAsync(HttpStatusCode.OK);
        var body = await response.ReadJsonAsync();
        Assert.False(body.GetProperty("hasMore").GetBoolean());
        return body.GetProperty("data").EnumerateArray().ToList();
    }
}
