using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ScimClean.Api.IntegrationTests.Infrastructure;
using ScimClean.Api.IntegrationTests.Scim.Users;
using ScimClean.Api.IntegrationTests.Webhooks.Dispatch;
using ScimClean.Domain.Webhooks;
using ScimClean.Infrastructure.Webhooks;
using ScimClean.Infrastructure.Webhooks.Dispatching;

namespace ScimClean.Api.IntegrationTests.Webhooks.MultiInstance;

/// <summary>Two instances on one PostgreSQL database, both dispatching to one receiver.</summary>
public sealed class MultiInstanceDispatchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BothDispatchers_WhenEventsAreCommittedThroughBothInstances_ShouldDeliverEachExactlyOnce()
    {
        await using var hosts = TwoInstances.Create();
        TwoInstances.Configure(hosts.A, dispatcherEnabled: true);
        TwoInstances.Configure(hosts.B, dispatcherEnabled: true);
        using var receiver = WebhookReceiver.Start();
        var (scimA, scimB) = await DirectoryOnBothAsync(hosts, receiver);
        const int events = 60;

        await Task.WhenAll(Enumerable.Range(0, events).Select(i => (i % 2 == 0 ? scimA : scimB).CreateUserAsync()));
        await WaitUntilAllSucceededAsync(hosts, events);

        var ids = receiver.Requests.Select(request => request.WebhookId).ToList();
        Assert.Equal(events, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(events, ids.Count);
    }

    [Fact]
    public async Task BothDispatchers_WhenAResourceChangesThroughBothInstances_ShouldDeliverItsEventsInOrder()
    {
        await using var hosts = TwoInstances.Create();
        TwoInstances.Configure(hosts.A, dispatcherEnabled: true);
        TwoInstances.Configure(hosts.B, dispatcherEnabled: true);
        using var receiver = WebhookReceiver.Start();
        var (scimA, scimB) = await DirectoryOnBothAsync(hosts, receiver);
        const int users = 6;
        const int changesPerUser = 8;

        // Each user is changed one request after the other, alternately through either instance; users in parallel.
        await Task.WhenAll(Enumerable.Range(0, users).Select(async _ =>
        {
            var id = (await scimA.CreateUserAsync())["id"]!.GetValue<string>();
            for (var change = 0; change < changesPerUser; change++)
            {
                await (change % 2 == 0 ? scimB : scimA).PatchUserJsonAsync(
                    id, PatchBodies.Patch("replace", "displayName", JsonValue.Create($"Name {change}")));
            }
        }));
        await WaitUntilAllSucceededAsync(hosts, users * (1 + changesPerUser));

        var arrivals = receiver.Requests
            .Select(request => JsonDocument.Parse(request.Body).RootElement)
            .GroupBy(payload => payload.GetProperty("data").GetProperty("id").GetString(), StringComparer.Ordinal)
            .ToList();
        Assert.Equal(users, arrivals.Count);
        foreach (var resource in arrivals)
        {
            var sequences = resource.Select(payload => payload.GetProperty("sequence").GetInt64()).ToList();
            Assert.Equal(1 + changesPerUser, sequences.Count);
            Assert.Equal(sequences.Order(), sequences);
            Assert.Equal(sequences.Count, sequences.Distinct().Count());
        }
    }

    [Fact]
    public async Task LeaseTakeover_WhenTheFirstInstancesSendHangsPastItsLease_ShouldLetTheOtherDeliverAndKeepItsOutcome()
    {
        await using var hosts = TwoInstances.Create();
        TwoInstances.Configure(hosts.A, dispatcherEnabled: false);
        TwoInstances.Configure(hosts.B, dispatcherEnabled: false);
        // Polly's timeout runs on the fake clock, so A's held send waits for the test, not for a timeout.
        var gate = new HoldingHandler.Gate();
        var holdingA = hosts.A.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddHttpClient(WebhookSender.HttpClientName).AddHttpMessageHandler(() => new HoldingHandler(gate))));
        using var receiver = WebhookReceiver.Start();
        var (_, scimB) = await DirectoryOnBothAsync(hosts, receiver);
        await scimB.CreateUserAsync();
        var deliveryId = await hosts.QueryAsync(db => db.WebhookDeliveries.Select(delivery => delivery.Id).SingleAsync(Ct));

        var roundOfA = TwoInstances.RunOnceAsync(holdingA.Services);
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);
        Assert.Equal(0, await TwoInstances.RunOnceAsync(hosts.B.Services));
        hosts.B.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, await TwoInstances.RunOnceAsync(hosts.B.Services));
        var deliveredByB = await DeliveryAsync(hosts, deliveryId);

        // A's late send now reaches the receiver (at-least-once) and fails there; its outcome must not count.
        receiver.Respond = (_, index) => index == 0 ? ReceiverReply.Ok : new ReceiverReply(500);
        gate.Released.SetResult();
        Assert.Equal(1, await roundOfA);

        var final = await DeliveryAsync(hosts, deliveryId);
        Assert.Equal(DeliveryStatus.Succeeded, deliveredByB.Status);
        Assert.Equal(DeliveryStatus.Succeeded, final.Status);
        Assert.Equal(200, final.LastStatusCode);
        Assert.Equal(1, final.Attempts);
        Assert.Equal(deliveredByB.CompletedAt, final.CompletedAt);
        Assert.Null(final.LeaseToken);
        Assert.Equal(2, receiver.Requests.Count);
    }

    [Fact]
    public async Task LeaseTakeover_WhenTheClaimingInstanceStops_ShouldLetTheOtherDeliverAfterTheLease()
    {
        await using var hosts = TwoInstances.Create();
        TwoInstances.Configure(hosts.A, dispatcherEnabled: false);
        TwoInstances.Configure(hosts.B, dispatcherEnabled: false);
        using var receiver = WebhookReceiver.Start();
        var (scimA, _) = await DirectoryOnBothAsync(hosts, receiver);
        await scimA.CreateUserAsync();

        // A claims and stops before sending (a crash, as far as the database can tell).
        await using (var scope = hosts.A.Services.CreateAsyncScope())
        {
            var claim = await scope.ServiceProvider.GetRequiredService<IDeliveryClaimer>()
                .ClaimAsync(hosts.A.Clock.GetUtcNow(), TimeSpan.FromSeconds(30), 10, Ct);
            Assert.Equal(1, claim.Count);
        }

        await hosts.A.DisposeAsync();
        Assert.Equal(0, await TwoInstances.RunOnceAsync(hosts.B.Services));
        hosts.B.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, await TwoInstances.RunOnceAsync(hosts.B.Services));

        Assert.Single(receiver.Requests);
        var delivery = await hosts.QueryAsync(db => db.WebhookDeliveries.AsNoTracking().SingleAsync(Ct));
        Assert.Equal(DeliveryStatus.Succeeded, delivery.Status);
    }

    [Fact]
    public async Task Notify_WhenAnEventIsCommittedThroughOneInstance_ShouldWakeTheOtherInstancesDispatcher()
    {
        await using var hosts = TwoInstances.Create();
        TwoInstances.Configure(hosts.A, dispatcherEnabled: false);
        // An hour between polls: within the test only a wake-up can make B look.
        TwoInstances.Configure(hosts.B, dispatcherEnabled: true, pollIntervalMs: 3_600_000);
        using var receiver = WebhookReceiver.Start();
        var (scimA, _) = await DirectoryOnBothAsync(hosts, receiver);
        await TwoInstances.WaitUntilAsync(ListenerIsListeningAsync, "B's listener is listening");

        await scimA.CreateUserAsync();

        await TwoInstances.WaitUntilAsync(() => Task.FromResult(receiver.Requests.Count > 0), "B delivered the event");
        await WaitUntilAllSucceededAsync(hosts, 1);
        Assert.Single(receiver.Requests);

        async Task<bool> ListenerIsListeningAsync()
        {
            await using var connection = await hosts.Database.OpenConnectionAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText =
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query = @listen AND state = 'idle'";
            TestDatabase.AddParameter(command, "listen", "LISTEN " + PostgresDispatchWakeUp.Channel);
            return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture) > 0;
        }
    }

    /// <summary>An organization with directory sync and an endpoint to <paramref name="receiver"/>; a SCIM client on each instance.</summary>
    private static async Task<(ScimClient A, ScimClient B)> DirectoryOnBothAsync(TwoInstances hosts, WebhookReceiver receiver)
    {
        var admin = hosts.A.CreateAdminClient();
        var (domain, token) = await admin.CreateDirectoryAsync();
        await admin.CreateWebhookEndpointAsync(receiver.Url, organizations: [domain]);
        return (new ScimClient(hosts.A.CreateScimClient(token), domain), new ScimClient(hosts.B.CreateScimClient(token), domain));
    }

    private static Task WaitUntilAllSucceededAsync(TwoInstances hosts, int expected) =>
        TwoInstances.WaitUntilAsync(
            () => hosts.QueryAsync(async db =>
                await db.WebhookDeliveries.CountAsync(delivery => delivery.Status == DeliveryStatus.Succeeded, Ct) == expected
                && await db.WebhookDeliveries.CountAsync(Ct) == expected),
            $"{expected} deliveries succeeded");

    private static Task<WebhookDelivery> DeliveryAsync(TwoInstances hosts, Guid id) =>
        hosts.QueryAsync(db => db.WebhookDeliveries.AsNoTracking().SingleAsync(delivery => delivery.Id == id, Ct));
}
