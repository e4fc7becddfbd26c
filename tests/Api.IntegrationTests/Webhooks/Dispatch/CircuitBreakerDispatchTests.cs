using ScimClean.Domain.Webhooks;

namespace ScimClean.Api.IntegrationTests.Webhooks.Dispatch;

public sealed class CircuitBreakerDispatchTests
{
    private static readonly Dictionary<string, string?> OneAtATime = new() { ["Webhooks:MaxParallelism"] = "1" };

    [Fact]
    public async Task ADeadEndpoint_ShouldOpenItsCircuit_WithoutDelayingAHealthyEndpoint()
    {
        await using var app = new DispatchTestApp(settings: OneAtATime);
        using var dead = WebhookReceiver.Start();
        using var healthy = WebhookReceiver.Start();
        dead.Respond = (_, _) => new ReceiverReply(500);
        var deadId = await app.AddEndpointAsync(dead.Url, DispatchTestApp.NewSecret());
        var healthyId = await app.AddEndpointAsync(healthy.Url, DispatchTestApp.NewSecret());
        var deadDeliveries = new List<Guid>();
        var healthyDeliveries = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            var (_, deliveries) = await app.AddEventAsync(Guid.NewGuid(), deadId, healthyId);
            deadDeliveries.Add(deliveries[0]);
            healthyDeliveries.Add(deliveries[1]);
        }

        Assert.Equal(20, await app.RunOnceAsync());

        Assert.Equal(10, healthy.Requests.Count);
        foreach (var id in healthyDeliveries)
        {
            Assert.Equal(DeliveryStatus.Succeeded, (await app.DeliveryAsync(id)).Status);
        }

        // Five failures open the dead endpoint's circuit; the rest are postponed, not attempted.
        Assert.Equal(5, dead.Requests.Count);
        var now = app.Clock.GetUtcNow();
        var deadStates = new List<WebhookDelivery>();
        foreach (var id in deadDeliveries)
        {
            deadStates.Add(await app.DeliveryAsync(id));
        }

        Assert.All(deadStates, delivery => Assert.Equal(DeliveryStatus.Pending, delivery.Status));
        Assert.Equal(5, deadStates.Count(delivery => delivery.Attempts == 1));
        var postponed = deadStates.Where(delivery => delivery.Attempts == 0).ToList();
        Assert.Equal(5, postponed.Count);
        Assert.All(postponed, delivery => Assert.InRange(delivery.NextAttemptAt - now, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task AnOpenCircuit_ShouldPostponeDeliveriesWithoutSpendingAttempts_UntilAProbeSucceeds()
    {
        await using var app = new DispatchTestApp(settings: OneAtATime);
        var refusedUrl = $"http://127.0.0.1:{WebhookReceiver.FreePort()}/hooks";
        var endpointId = await app.AddEndpointAsync(refusedUrl, DispatchTestApp.NewSecret());
        var ids = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            ids.Add((await app.AddEventAsync(Guid.NewGuid(), endpointId)).Deliveries[0]);
        }

        await app.RunOnceAsync();
        var first = await Task.WhenAll(ids.Select(app.DeliveryAsync));
        Assert.Equal(5, first.Count(delivery => delivery.Attempts == 1 && delivery.LastError!.StartsWith("network error", StringComparison.Ordinal)));
        Assert.Equal(3, first.Count(delivery => delivery.Attempts == 0));

        // The failed ones come due at ~5 s while the circuit is still open: postponed, attempts unchanged.
        app.Clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(5, await app.RunOnceAsync());
        var second = await Task.WhenAll(ids.Select(app.DeliveryAsync));
        Assert.Equal(first.Select(delivery => delivery.Attempts), second.Select(delivery => delivery.Attempts));
        Assert.All(second, delivery => Assert.True(delivery.NextAttemptAt > app.Clock.GetUtcNow()));

        // After the break a receiver is up on another URL: the circuit lets a probe through, closes, and all go out.
        using var receiver = WebhookReceiver.Start();
        await app.UpdateEndpointAsync(endpointId, endpoint => endpoint.Update(receiver.Url, null, null, app.Clock.GetUtcNow()));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        while (await app.RunOnceAsync() > 0)
        {
        }

        Assert.Equal(8, receiver.Requests.Count);
        var third = await Task.WhenAll(ids.Select(app.DeliveryAsync));
        Assert.All(third, delivery => Assert.Equal(DeliveryStatus.Succeeded, delivery.Status));
        Assert.Equal(5 + 8, third.Sum(delivery => delivery.Attempts));
    }
}
