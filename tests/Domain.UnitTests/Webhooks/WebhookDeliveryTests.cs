using ScimClean.Domain.Webhooks;

namespace ScimClean.Domain.UnitTests.Webhooks;

public sealed class WebhookDeliveryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void CreateFor_AReplayedEvent_ShouldPointAtItsKeysAndBeDueNow()
    {
        var endpointId = Guid.NewGuid();
        var resourceId = Guid.NewGuid();
        var replayed = new ReplayableEvent("evt_42", 42, WebhookEventTypes.UserUpdated, "contoso.com", resourceId);

        var delivery = WebhookDelivery.CreateFor(endpointId, replayed, Now);

        Assert.Equal(endpointId, delivery.EndpointId);
        Assert.Equal("evt_42", delivery.EventId);
        Assert.Equal(42, delivery.EventPosition);
        Assert.Equal(resourceId, delivery.OrderingKey);
        Assert.Equal(DeliveryStatus.Pending, delivery.Status);
        Assert.Equal(Now, delivery.NextAttemptAt);
        Assert.Null(delivery.Event);
    }
}
