using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ScimClean.Api.IntegrationTests.Hardening.Logging;
using ScimClean.Domain.Webhooks;
using ScimClean.Infrastructure.Webhooks.Dispatching;

namespace ScimClean.Api.IntegrationTests.Webhooks.Dispatch;

public sealed class DispatchWarmUpTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WarmUp_ShouldRunTheWholeSendPath_WithoutSendingClaimingOrChangingAnything()
    {
        await using var app = new DispatchTestApp();
        using var receiver = WebhookReceiver.Start();
        var endpointId = await app.AddEndpointAsync(receiver.Url, DispatchTestApp.NewSecret());
        var (webhookEvent, deliveries) = await app.AddEventAsync(Guid.NewGuid(), endpointId);
        var capture = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(builder => builder.AddProvider(capture));
        var processor = ActivatorUtilities.CreateInstance<DeliveryProcessor>(app.Services, loggers.CreateLogger<DeliveryProcessor>());

        await processor.WarmUpAsync(Ct);

        // A failed warm-up only logs; so a warning here means some step of it did not work.
        Assert.DoesNotContain(capture.Logs, log => log.Level >= LogLevel.Warning);
        Assert.Empty(receiver.Requests);
        var delivery = await app.DeliveryAsync(deliveries[0]);
        Assert.Equal(DeliveryStatus.Pending, delivery.Status);
        Assert.Null(delivery.LeaseToken);
        Assert.Equal(0, delivery.Attempts);
        Assert.Equal(1, await app.QueryAsync(db => db.WebhookDeliveries.CountAsync(Ct)));
        Assert.Equal(1, await app.QueryAsync(db => db.WebhookEvents.CountAsync(Ct)));
        Assert.Equal(1, await app.QueryAsync(db => db.WebhookEndpoints.CountAsync(Ct)));

        Assert.Equal(1, await processor.RunOnceAsync(Ct));
        Assert.Equal(webhookEvent.Id, Assert.Single(receiver.Requests).WebhookId);
    }
}
