using System.Globalization;
using ScimClean.Domain.Webhooks;
using ScimClean.Infrastructure.Webhooks.Dispatching;

namespace ScimClean.Api.IntegrationTests.Webhooks.Dispatch;

public sealed class RetryDispatchTests
{
    [Fact]
    public async Task Failures_ShouldFollowTheScheduleWithJitter_ThenDeadLetter_KeepingTheIdAndRefreshingTheTimestamp()
    {
        await using var app = new DispatchTestApp();
        using var receiver = WebhookReceiver.Start();
        receiver.Respond = (_, _) => new ReceiverReply(500);
        var endpointId = await app.AddEndpointAsync(receiver.Url, DispatchTestApp.NewSecret());
        var (webhookEvent, deliveries) = await app.AddEventAsync(Guid.NewGuid(), endpointId);
        var sentAt = new List<DateTimeOffset>();

        for (var attempt = 1; attempt <= DeliverySchedule.MaxAttempts; attempt++)
        {
            sentAt.Add(app.Clock.GetUtcNow());
            Assert.Equal(1, await app.RunOnceAsync());
            var delivery = await app.DeliveryAsync(deliveries[0]);
            Assert.Equal(attempt, delivery.Attempts);
            Assert.Equal(500, delivery.LastStatusCode);
            Assert.Equal("endpoint answered 500", delivery.LastError);
            if (attempt == DeliverySchedule.MaxAttempts)
            {
                Assert.Equal(DeliveryStatus.Failed, delivery.Status);
                Assert.Equal(app.Clock.GetUtcNow(), delivery.CompletedAt);
                break;
            }

            Assert.Equal(DeliveryStatus.Pending, delivery.Status);
            var scheduled = DeliverySchedule.Delays[attempt - 1];
            var delay = delivery.NextAttemptAt - app.Clock.GetUtcNow();
            Assert.InRange(delay, scheduled * 0.9, scheduled * 1.1);

            // Not due before its time.
            app.Clock.Advance(delay - TimeSpan.FromMilliseconds(1));
            Assert.Equal(0, await app.RunOnceAsync());
            app.Clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await app.RunOnceAsync());
        Assert.Equal(DeliverySchedule.MaxAttempts, receiver.Requests.Count);
        Assert.All(receiver.Requests, received => Assert.Equal(webhookEvent.Id, received.WebhookId));
        Assert.Equal(
            sentAt.Select(time => time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            receiver.Requests.Select(received => received.WebhookTimestamp));
        Assert.Equal(sentAt.Count, sentAt.Distinct().Count());
        var endpoint = await app.EndpointAsync(endpointId);
        Assert.True(endpoint.Enabled);
        Assert.NotNull(endpoint.FailingSince);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    public async Task RetryAfterSeconds_ShouldSetTheNextAttempt(int status)
    {
        await using var app = new DispatchTestApp();
        using var receiver = WebhookReceiver.Start();
        receiver.Respond = (_, _) => new ReceiverReply(status, RetryAfter: "7");
        var endpointId = await app.AddEndpointAsync(receiver.Url, DispatchTestApp.NewSecret());
        var (_, deliveries) = await app.AddEventAsync(Guid.NewGuid(), endpointId);

        await app.RunOnceAsync();

        var delivery = await app.DeliveryAsync(deliveries[0]);
        Assert.Equal(DeliveryStatus.Pending, delivery.Status);
        Assert.Equal(status, delivery.LastStatusCode);
        Assert.Equal(app.Clock.GetUtcNow() + TimeSpan.FromSeconds(7), delivery.NextAttemptAt);
    }

    [Fact]
    public async Task RetryAfterHttpDate_ShouldSetTheNextAttempt()
    {
        await using var app = new DispatchTestApp();
        using var receiver = WebhookReceiver.Start();
        var retryAt = app.Clock.GetUtcNow() + TimeSpan.FromSeconds(8);
        receiver.Respond = (_, _) => new ReceiverReply(503, RetryAfter: retryAt.ToString("R", CultureInfo.InvariantCulture));
        var endpointId = await app.AddEndpointAsync(receiver.Url, DispatchTestApp.NewSecret());
        var (_, deliveries) = await app.AddEventAsync(Guid.NewGuid(), endpointId);

        await app.RunOnceAsync();

        Assert.Equal(retryAt, (await app.DeliveryAsync(deliveries[0])).NextAttemptAt);
    }

    [Fact]
    public async Task RetryAfter_LongerThanTwiceTheScheduledDelay_ShouldBeCapped()
    {
        await using var app = new DispatchTestApp();
        using var receiver = WebhookReceiver.Start();
        receiver.Respond = (_, _) => new ReceiverReply(429, RetryAfter: "3600");
        var endpointId = await app.AddEndpointAsync(receiver.Url, DispatchTestApp.NewSecret());
        var (_, deliveries) = await app.AddEventAsync(Guid.NewGuid(), endpointId);

        await app.RunOnceAsync();

        // The next scheduled delay is 5 s ±10%; twice that caps the receiver's hour.
        var delay = (await app.DeliveryAsync(deliveries[0])).NextAttemptAt - app.Clock.GetUtcNow();
        Assert.InRange(delay, TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(11));
    }

    [Fact]
    public async Task Gone_ShouldDisableTheEndpoint_AndStopSendingToIt()
    {
        await using var app = new DispatchTestApp();
        using var receiver = WebhookReceiver.Start();
        receiver.Respond = (_, _) => new ReceiverReply(410);
        var endpointId = await app.AddEndpointAsync(receiver.Url, DispatchTestApp.NewSecret());
        var (_, deliveries) = await app.AddEventAsync(Guid.NewGuid(), endpointId);

        await app.RunOnceAsync();
        await app.AddEventAsync(Guid.NewGuid(), endpointId);
        app.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await app.RunOnceAsync());

        var endpoint = await app.EndpointAsync(endpointId);
        Assert.False(endpoint.Enabled);
        Assert.Equal("endpoint answered 410 Gone", endpoint.DisabledReason);
        var delivery = await app.DeliveryAsync(deliveries[0]);
        Assert.Equal(410, delivery.LastStatusCode);
        Assert.Equal(DeliveryStatus.Pending, delivery.Status);
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task Redirect_ShouldNotBeFollowed_AndCountAsAFailure()
    {
        await using var app = new DispatchTestApp();
        using var receiver = WebhookReceiver.Start();
        using var elsewhere = WebhookReceiver.Start();
        receiver.Respond = (_, _) => new ReceiverReply(307, Location: elsewhere.Url);
        var endpointId = await app.AddEndpointAsync(receiver.Url, DispatchTestApp.NewSecret());
        var (_, deliveries) = await app.AddEventAsync(Guid.NewGuid(), endpointId);

        await app.RunOnceAsync();

        var delivery = await app.DeliveryAsync(deliveries[0]);
        Assert.Equal(DeliveryStatus.Pending, delivery.Status);
        Assert.Equal(307, delivery.LastStatusCode);
        Assert.Equal("redirect 307 not followed", delivery.LastError);
        Assert.Single(receiver.Requests);
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task AnEndpointFailingContinuouslyForFiveDays_ShouldBeDisabled()
    {
        await using var app = new DispatchTestApp();
        using var receiver = WebhookReceiver.Start();
        receiver.Respond = (_, _) => new ReceiverReply(500);
        var endpointId = await app.AddEndpointAsync(receiver.Url, DispatchTestApp.NewSecret());
        await app.AddEventAsync(Guid.NewGuid(), endpointId);
        var firstFailure = app.Clock.GetUtcNow();

        await app.RunOnceAsync();
        app.Clock.Advance(TimeSpan.FromDays(4));
        await app.AddEventAsync(Guid.NewGuid(), endpointId);
        await app.RunOnceAsync();
        Assert.True((await app.EndpointAsync(endpointId)).Enabled);

        app.Clock.Advance(TimeSpan.FromDays(1));
        await app.AddEventAsync(Guid.NewGuid(), endpointId);
        await app.RunOnceAsync();

        var endpoint = await app.EndpointAsync(endpointId);
        Assert.False(endpoint.Enabled);
        Assert.Equal(firstFailure, endpoint.FailingSince);
        Assert.Equal("every delivery failed for 5 days", endpoint.DisabledReason);
    }
}
