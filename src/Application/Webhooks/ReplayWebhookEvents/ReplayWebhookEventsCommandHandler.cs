using System.Globalization;
using ScimClean.Application.Audit;
using ScimClean.Domain.Audit;
using ScimClean.Domain.Webhooks;

namespace ScimClean.Application.Webhooks.ReplayWebhookEvents;

internal sealed class ReplayWebhookEventsCommandHandler(
    IWebhookEndpointRepository endpoints,
    IWebhookEventRepository events,
    IWebhookDeliveryRepository deliveries,
    IWebhookDispatchNotifier dispatcher,
    IAuditTrail audit,
    TimeProvider clock)
    : ICommandHandler<ReplayWebhookEventsCommand, Result<ReplayResponse>>
{
    public async ValueTask<Result<ReplayResponse>> Handle(ReplayWebhookEventsCommand command, CancellationToken cancellationToken)
    {
        var endpoint = await endpoints.FindAsync(command.EndpointId, cancellationToken);
        if (endpoint is null)
        {
            return WebhookErrors.EndpointNotFound(command.EndpointId);
        }

        var now = clock.GetUtcNow();
        var queued = 0;
        foreach (var webhookEvent in await events.ListOccurredSinceAsync(command.Since!.Value, cancellationToken))
        {
            if (endpoint.Subscribes(webhookEvent.Type, webhookEvent.Organization))
            {
                deliveries.Add(WebhookDelivery.CreateFor(endpoint.Id, webhookEvent, now));
                queued++;
            }
        }

        if (queued > 0)
        {
            dispatcher.NotifyAfterCommit();
        }

        audit.Record(
            AuditActions.WebhookReplayRequested,
            null,
            endpoint.Id.ToString(),
            string.Create(CultureInfo.InvariantCulture, $"since {command.Since.Value.UtcDateTime:O}, {queued} deliveries queued"));
        return new ReplayResponse(queued);
    }
}
