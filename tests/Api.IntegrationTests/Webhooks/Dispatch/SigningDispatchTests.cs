using ScimClean.Domain.Webhooks;

namespace ScimClean.Api.IntegrationTests.Webhooks.Dispatch;

public sealed class SigningDispatchTests
{
    [Fact]
    public async Task Send_ShouldPostTheStoredPayloadExactly_WithStandardWebhooksHeaders()
    {
        await using var app = new DispatchTestApp();
        using var receiver = WebhookReceiver.Start();
        var secret = DispatchTestApp.NewSecret();
        var endpointId = await app.AddEndpointAsync(receiver.Url, secret);
        var (webhookEvent, deliveries) = await app.AddEventAsync(Guid.NewGuid(), endpointId);

        Assert.Equal(1, await app.RunOnceAsync());

        var received = Assert.Single(receiver.Requests);
        Assert.Equal("POST", received.Method);
        Assert.Equal("/hooks", received.Path);
        Assert.Equal("application/json", received.ContentType);
        Assert.Equal(webhookEvent.Payload, received.Body);
        Assert.Equal(webhookEvent.Id, received.WebhookId);
        Assert.Equal(app.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), received.WebhookTimestamp);
        SignatureAssert.SignedWith(received, secret);
        var delivery = await app.DeliveryAsync(deliveries[0]);
        Assert.Equal(DeliveryStatus.Succeeded, delivery.Status);
        Assert.Equal(1, delivery.Attempts);
        Assert.Equal(200, delivery.LastStatusCode);
        Assert.NotNull(delivery.LastLatencyMs);
        Assert.Null(delivery.LeaseExpiresAt);
    }

    [Fact]
    public async Task Send_DuringASecretRotationGrace_ShouldSignWithBothSecrets_AndAfterItWithTheNewOneOnly()
    {
        await using var app = new DispatchTestApp();
        using var receiver = WebhookReceiver.Start();
        var oldSecret = DispatchTestApp.NewSecret();
        var newSecret = DispatchTestApp.NewSecret();
        var endpointId = await app.AddEndpointAsync(receiver.Url, oldSecret);
        await app.RotateSecretAsync(endpointId, newSecret, TimeSpan.FromHours(24));

        await app.AddEventAsync(Guid.NewGuid(), endpointId);
        await app.RunOnceAsync();
        app.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        await app.AddEventAsync(Guid.NewGuid(), endpointId);
        await app.RunOnceAsync();

        Assert.Equal(2, receiver.Requests.Count);
        SignatureAssert.SignedWith(receiver.Requests[0], newSecret, oldSecret);
        SignatureAssert.SignedWith(receiver.Requests[1], newSecret);
    }
}
