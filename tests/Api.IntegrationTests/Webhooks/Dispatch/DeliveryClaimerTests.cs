using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ScimClean.Api.IntegrationTests.Infrastructure;
using ScimClean.Infrastructure.Webhooks.Dispatching;

namespace ScimClean.Api.IntegrationTests.Webhooks.Dispatch;

/// <summary>The provider's claimer (SQLite: one UPDATE; PostgreSQL: FOR UPDATE SKIP LOCKED), on the run's provider.</summary>
public sealed class DeliveryClaimerTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Claim_WhenADeliveryIsLeased_ShouldNotClaimItAgainUntilTheLeaseEnds()
    {
        await using var app = new DispatchTestApp();
        var endpoint = await app.AddEndpointAsync("http://127.0.0.1:9/hooks", DispatchTestApp.NewSecret());
        var (_, deliveries) = await app.AddEventAsync(Guid.NewGuid(), endpoint);
        var now = app.Clock.GetUtcNow();

        var first = await ClaimAsync(app, now, 10);
        var again = await ClaimAsync(app, now + Lease - TimeSpan.FromSeconds(1), 10);
        var afterLease = await ClaimAsync(app, now + Lease + TimeSpan.FromSeconds(1), 10);

        Assert.Equal(1, first.Count);
        Assert.Equal(0, again.Count);
        Assert.Equal(1, afterLease.Count);
        Assert.NotEqual(first.LeaseToken, afterLease.LeaseToken);
        var row = await app.DeliveryAsync(deliveries[0]);
        Assert.Equal(afterLease.LeaseToken, row.LeaseToken);
        Assert.Equal(now + Lease + Lease + TimeSpan.FromSeconds(1), row.LeaseExpiresAt);
    }

    [Fact]
    public async Task Claim_WhenAResourceHasAnEarlierUnfinishedEvent_ShouldTakeOnlyTheOldestAndRespectTheBatchSize()
    {
        await using var app = new DispatchTestApp();
        var endpoint = await app.AddEndpointAsync("http://127.0.0.1:9/hooks", DispatchTestApp.NewSecret());
        var resource = Guid.NewGuid();
        var (_, oldest) = await app.AddEventAsync(resource, endpoint);
        await app.AddEventAsync(resource, endpoint);
        foreach (var _ in Enumerable.Range(0, 5))
        {
            await app.AddEventAsync(Guid.NewGuid(), endpoint);
        }

        var claim = await ClaimAsync(app, app.Clock.GetUtcNow(), 4);
        var rest = await ClaimAsync(app, app.Clock.GetUtcNow(), 10);

        Assert.Equal(4, claim.Count);
        Assert.Equal(claim.LeaseToken, (await app.DeliveryAsync(oldest[0])).LeaseToken);
        Assert.Equal(2, rest.Count);
        Assert.Equal(1, await app.QueryAsync(db => db.WebhookDeliveries.CountAsync(delivery => delivery.LeaseToken == null, Ct)));
    }

    [Fact]
    public async Task Claim_WhenLeasesEndedBesidePendingDeliveries_ShouldTakeTheEndedOnesFirstUnderOneTokenWithinTheBatch()
    {
        await using var app = new DispatchTestApp();
        var endpoint = await app.AddEndpointAsync("http://127.0.0.1:9/hooks", DispatchTestApp.NewSecret());
        var abandoned = new List<Guid>();
        foreach (var _ in Enumerable.Range(0, 3))
        {
            abandoned.AddRange((await app.AddEventAsync(Guid.NewGuid(), endpoint)).Deliveries);
        }

        var now = app.Clock.GetUtcNow();
        Assert.Equal(3, (await ClaimAsync(app, now, 10)).Count);
        foreach (var _ in Enumerable.Range(0, 3))
        {
            await app.AddEventAsync(Guid.NewGuid(), endpoint);
        }

        var afterLease = now + Lease + TimeSpan.FromSeconds(1);
        var claim = await ClaimAsync(app, afterLease, 4);
        var rest = await ClaimAsync(app, afterLease, 10);

        Assert.Equal(4, claim.Count);
        foreach (var id in abandoned)
        {
            Assert.Equal(claim.LeaseToken, (await app.DeliveryAsync(id)).LeaseToken);
        }

        Assert.Equal(4, await app.QueryAsync(db => db.WebhookDeliveries.CountAsync(delivery => delivery.LeaseToken == claim.LeaseToken, Ct)));
        Assert.Equal(2, rest.Count);
    }

    [Fact]
    public async Task Claim_WhenTwoDispatchersClaimAtOnce_ShouldTakeDisjointSets()
    {
        await using var app = new DispatchTestApp();
        var endpoint = await app.AddEndpointAsync("http://127.0.0.1:9/hooks", DispatchTestApp.NewSecret());
        foreach (var _ in Enumerable.Range(0, 30))
        {
            await app.AddEventAsync(Guid.NewGuid(), endpoint);
        }

        var now = app.Clock.GetUtcNow();
        var claims = await Task.WhenAll(Task.Run(() => ClaimAsync(app, now, 20), Ct), Task.Run(() => ClaimAsync(app, now, 20), Ct));

        // A row taken by both would carry only the second token: the counts would exceed the rows holding the tokens.
        Assert.Equal(30, claims.Sum(claim => claim.Count));
        foreach (var claim in claims)
        {
            Guid? token = claim.LeaseToken;
            Assert.Equal(claim.Count, await app.QueryAsync(db => db.WebhookDeliveries.CountAsync(delivery => delivery.LeaseToken == token, Ct)));
        }
    }

    [Fact]
    public async Task Claim_OnPostgres_WhenAnotherTransactionHoldsRows_ShouldSkipThemWithoutWaiting()
    {
        TestDatabase.SkipUnlessPostgres("SKIP LOCKED is PostgreSQL's; SQLite has a single writer.");
        await using var app = new DispatchTestApp();
        var endpoint = await app.AddEndpointAsync("http://127.0.0.1:9/hooks", DispatchTestApp.NewSecret());
        foreach (var _ in Enumerable.Range(0, 10))
        {
            await app.AddEventAsync(Guid.NewGuid(), endpoint);
        }

        await using var connection = await app.Factory.Database.OpenConnectionAsync(Ct);
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT \"Id\" FROM \"WebhookDeliveries\" ORDER BY \"EventPosition\" LIMIT 4 FOR UPDATE";
            await using var reader = await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
            }
        }

        var claim = await ClaimAsync(app, app.Clock.GetUtcNow(), 10);
        await transaction.RollbackAsync(Ct);

        Assert.Equal(6, claim.Count);
        Assert.Equal(4, await app.QueryAsync(db => db.WebhookDeliveries.CountAsync(delivery => delivery.LeaseToken == null, Ct)));
    }

    private static async Task<DeliveryClaim> ClaimAsync(DispatchTestApp app, DateTimeOffset now, int maxCount)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IDeliveryClaimer>().ClaimAsync(now, Lease, maxCount, Ct);
    }
}
