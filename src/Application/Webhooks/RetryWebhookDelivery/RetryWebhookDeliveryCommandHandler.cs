using ScimClean.Application.Webhooks.ListWebhookDeliveries;
using ScimClean.Application.Audit;
using ScimClean.Domain.Audit;
using ScimClean.Domain.Webhooks;

namespace ScimClean.Application.Webhooks.RetryWebhookDelivery;

internal sealed class RetryWebhookDeliveryCommandHandler(
    IWebhookDeliveryRepository deliveries,
    IWebhookDispatchNotifier dispatcher,
    IAuditTrail audit,
    TimeProvider clock)
    : ICommandHandler<RetryWebhookDeliveryCommand, Result<WebhookDeliveryStatusResponse>>
{
    public async ValueTask<Result<WebhookDeliveryStatusResponse>> Handle(
        RetryWebhookDeliveryCommand command,
        CancellationToken cancellationToken)
    {
        var delivery = await deliveries.FindAsync(command.DeliveryId, cancellationToken);
        if (delivery is null)
        {
            return WebhookErrors.DeliveryNotFound(command.DeliveryId);
        }

        // Resetting a delivery a dispatcher holds would let its attempt and the retry race each other.
        if (delivery.Status == DeliveryStatus.InFlight)
        {
            return WebhookErrors.DeliveryInFlight;
        }

        delivery.Retry(clock.GetUtcNow());
        dispatcher.NotifyAfterCommit();
        audit.Record(
            AuditActions.WebhookDeliveryRetryRequested,
            null,
            delivery.Id.ToString(),
            $"endpoint {delivery.EndpointId}, event {delivery.EventId}");
        return new WebhookDeliveryStatusResponse(
            delivery.Id, DeliveryStatusNames.ToName(delivery.Status), delivery.Attempts, delivery.NextAttemptAt);
    }
}
