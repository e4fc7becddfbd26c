using Microsoft.EntityFrameworkCore;
using ScimClean.Domain.Webhooks;

namespace ScimClean.Api.IntegrationTests.Webhooks.Dispatch;

public sealed class OrderingAndLeaseDispatchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ALaterEventOfTheSameResource_ShouldWaitWhileTheEarlierOneRetries_WhileOtherResourcesProceed()
    {
        await using var app = new DispatchTestApp();
        using var receiver = WebhookReceiver.Start();
        var userA = Guid.NewGuid();
        var userB = Guid.NewGuid();
        var endpointId = await app.AddEndpointAsync(receiver.Url, DispatchTestApp.NewSecret());
        var (a1, _) = await app.AddEventAsync(userA, endpointId);
        var (a2, _) = await app.AddEventAsync(userA, endpointId);
        var (b1, _) = await app.AddEventAsync(userB, endpointId);
        var failing = true;
        receiver.Respond = (received, _) => failing && received.WebhookId == a1.Id ? new ReceiverReply(500) : ReceiverReply.Ok;

        Assert.Equal(2, await app.RunOnceAsync());
        Assert.Equal(new[] { a1.Id, b1.Id }.Order(), receiver.Requests.Select(received => received.WebhookId!).Order());

        // a2 stays back through a1's retries, even when it is itself due.
        app.Clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(1, await app.RunOnceAsync());
        Assert.Equal(3, receiver.Requests.Count);
        Assert.DoesNotContain(receiver.Requests, received => received.WebhookId == a2.Id);

        failing = false;
        app.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(1, await app.RunOnceAsync());
        Assert.Equal(1, await app.RunOnceAsync());
        Assert.Equal([a1.Id, a1.Id, a2.Id], receiver.Requests.Skip(2).Select(received => received.WebhookId!));
    }

    [Fact]
    public async Task AGivenUpEvent_ShouldNoLongerHoldBackTheNextOneOfItsResource()
    {
        await using var app = new DispatchTestApp();
        using var receiver = WebhookReceiver.Start();
        var user = Guid.NewGuid();
        var endpointId = await app.AddEndpointAsync(receiver.Url, DispatchTestApp.NewSecret());
        var (first, firstDeliveries) = await app.AddEventAsync(user, endpointId);
        var (second, _) = await app.AddEventAsync(user, endpointId);
        await app.UseDbAsync(async db =>
        {
            var delivery = await db.WebhookDeliveries.SingleAsync(item => item.Id == firstDeliveries[0], Ct);
            delivery.Fail(500, "endpoint answered 500", 1, null, app.Clock.GetUtcNow());
            await db.SaveChangesAsync(Ct);
        });

        Assert.Equal(1, await app.RunOnceAsync());

        Assert.Equal(second.Id, Assert.Single(receiver.Requests).WebhookId);
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public async Task ADeliveryLeftInFlightByACrashedInstance_ShouldBeSentAgainOnceItsLeaseEnds()
    {
        await using var app = new DispatchTestApp();
        using var receiver = WebhookReceiver.Start();
        var endpointId = await app.AddEndpointAsync(receiver.Url, DispatchTestApp.NewSecret());
        var (webhookEvent, deliveries) = await app.AddEventAsync(Guid.NewGuid(), endpointId);
        await app.UseDbAsync(async db =>
        {
            var delivery = await db.WebhookDeliveries.SingleAsync(item => item.Id == deliveries[0], Ct);
            delivery.Lease(app.Clock.GetUtcNow(), TimeSpan.FromSeconds(30));
            await db.SaveChangesAsync(Ct);
        });

        Assert.Equal(0, await app.RunOnceAsync());
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(0, await app.RunOnceAsync());
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await app.RunOnceAsync());

        Assert.Equal(webhookEvent.Id, Assert.Single(receiver.Requests).WebhookId);
        Assert.Equal(DeliveryStatus.Succeeded, (await app.DeliveryAsync(deliveries[0])).Status);
    }

    [Fact]
    public async Task TwoProcessorsOnOneDatabase_ShouldNotSendAnyDeliveryTwice()
    {
        await using var app = new DispatchTestApp();
        using var receiver = WebhookReceiver.Start();
        var endpointId = await app.AddEndpointAsync(receiver.Url, DispatchTestApp.NewSecret());
        var eventIds = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            // Three events for each of twenty resources: ordering makes the processors take turns.
            eventIds.Add((await app.AddEventAsync(new Guid(i % 20 + 1, 0, 0, new byte[8]), endpointId)).Event.Id);
        }

        var first = app.CreateProcessor();
        var second = app.CreateProcessor();
        var claimed = 0;
        for (var round = 0; round < 20 && receiver.Requests.Count < eventIds.Count; round++)
        {
            var counts = await Task.WhenAll(
                Task.Run(() => first.RunOnceAsync(Ct), Ct),
                Task.Run(() => second.RunOnceAsync(Ct), Ct));
            claimed += counts.Sum();
        }

        Assert.Equal(eventIds.Count, claimed);
        Assert.Equal(eventIds.Order(), receiver.Requests.Select(received => received.WebhookId!).Order());
    }
}
