using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ScimClean.Api.IntegrationTests.Infrastructure;
using ScimClean.Application.Webhooks.Secrets;
using ScimClean.Domain.Webhooks;
using ScimClean.Infrastructure.Persistence;
using ScimClean.Infrastructure.Webhooks.Dispatching;

namespace ScimClean.Api.IntegrationTests.Webhooks.Dispatch;

/// <summary>
/// The service on its own SQLite file with the background dispatcher off, so each test drives
/// <see cref="DeliveryProcessor"/> itself with the fake clock; endpoints and events are written straight
/// into the database.
/// </summary>
public sealed class DispatchTestApp : IAsyncDisposable
{
    public DispatchTestApp(bool dispatcherEnabled = false, IReadOnlyDictionary<string, string?>? settings = null)
    {
        Factory.Settings["Webhooks:DispatcherEnabled"] = dispatcherEnabled ? "true" : "false";
        Factory.Settings["Webhooks:TransientRetryDelayMs"] = "0";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            Factory.Settings[key] = value;
        }
    }

    public ScimCleanApiFactory Factory { get; } = new();

    public FakeTimeProvider Clock => Factory.Clock;

    public IServiceProvider Services => Factory.Services;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public Task<int> RunOnceAsync() => Services.GetRequiredService<DeliveryProcessor>().RunOnceAsync(Ct);

    /// <summary>A second processor over the same database, as another instance of the service would have.</summary>
    internal DeliveryProcessor CreateProcessor() => ActivatorUtilities.CreateInstance<DeliveryProcessor>(Services);

    public async Task<Guid> AddEndpointAsync(string url, string secret, IEnumerable<string>? organizations = null)
    {
        var protector = Services.GetRequiredService<IWebhookSecretProtector>();
        var endpoint = WebhookEndpoint.Create(url, null, organizations, protector.Protect(secret), Clock.GetUtcNow());
        await UseDbAsync(async db =>
        {
            db.WebhookEndpoints.Add(endpoint);
            await db.SaveChangesAsync(Ct);
        });
        return endpoint.Id;
    }

    public Task RotateSecretAsync(Guid endpointId, string newSecret, TimeSpan grace) =>
        UpdateEndpointAsync(endpointId, endpoint => endpoint.RotateSecret(
            Services.GetRequiredService<IWebhookSecretProtector>().Protect(newSecret), grace, Clock.GetUtcNow()));

    public Task UpdateEndpointAsync(Guid endpointId, Action<WebhookEndpoint> change) =>
        UseDbAsync(async db =>
        {
            change(await db.WebhookEndpoints.SingleAsync(endpoint => endpoint.Id == endpointId, Ct));
            await db.SaveChangesAsync(Ct);
        });

    /// <summary>An event about <paramref name="resourceId"/> with one delivery to each endpoint; returns the event and its deliveries.</summary>
    public async Task<(WebhookEvent Event, Guid[] Deliveries)> AddEventAsync(Guid? resourceId, params Guid[] endpointIds)
    {
        var now = Clock.GetUtcNow();
        var id = $"evt_{Guid.NewGuid():N}";
        var payload = new JsonObject
        {
            ["id"] = id,
            ["type"] = WebhookEventTypes.UserUpdated,
            ["timestamp"] = now,
            ["organization"] = "example.com",
            ["sequence"] = 1,
            ["data"] = new JsonObject { ["id"] = resourceId, ["note"] = "é ✓ \"quoted\"" },
        }.ToJsonString();
        var webhookEvent = WebhookEvent.Create(id, WebhookEventTypes.UserUpdated, Guid.NewGuid(), "example.com", resourceId, 1, now, payload);
        var deliveries = endpointIds.Select(endpointId => WebhookDelivery.Create(endpointId, webhookEvent, now)).ToArray();
        await UseDbAsync(async db =>
        {
            db.WebhookEvents.Add(webhookEvent);
            db.WebhookDeliveries.AddRange(deliveries);
            await db.SaveChangesAsync(Ct);
        });
        return (webhookEvent, deliveries.Select(delivery => delivery.Id).ToArray());
    }

    public Task<WebhookDelivery> DeliveryAsync(Guid id) =>
        QueryAsync(db => db.WebhookDeliveries.AsNoTracking().SingleAsync(delivery => delivery.Id == id, Ct));

    public Task<WebhookEndpoint> EndpointAsync(Guid id) =>
        QueryAsync(db => db.WebhookEndpoints.AsNoTracking().SingleAsync(endpoint => endpoint.Id == id, Ct));

    public async Task<T> QueryAsync<T>(Func<ScimCleanDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ScimCleanDbContext>());
    }

    public async Task UseDbAsync(Func<ScimCleanDbContext, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<ScimCleanDbContext>());
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}
