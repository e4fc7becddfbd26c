using System.Globalization;
using ScimClean.Application.Audit;
using ScimClean.Domain.Audit;
using ScimClean.Domain.Webhooks;

namespace ScimClean.Application.Webhooks.ReplayWebhookEvents;

/// <summary>
/// Queues the replay page by page: each page of events is read, routed and its deliveries written at once, so that a
/// replay holds one page in memory whatever its size (a replay of 12,000 events to ten endpoints, all tracked until
/// one commit, was the service's peak of memory). The pages already written stay queued if a later one fails; the
/// events keep their ids, so receivers deduplicate a replay sent again.
/// </summary>
internal sealed class ReplayWebhookEventsCommandHandler(
    IWebhookEndpointRepository endpoints,
    IWebhookEventRepository events,
    IWebhookDeliveryRepository deliveries,
    IWebhookDispatchNotifier dispatcher,
    IAuditTrail audit,
    TimeProvider clock)
    : ICommandHandler<ReplayWebhookEventsCommand, Result<ReplayResponse>>
{
    internal const int PageSize = 1_000;

    public async ValueTask<Result<ReplayResponse>> Handle(ReplayWebhookEventsCommand command, CancellationToken cancellationToken)
    {
        var endpoint = await endpoints.FindAsync(command.EndpointId, cancellationToken);
        if (endpoint is null)
        {
            return WebhookErrors.EndpointNotFound(command.EndpointId);
        }

        // Up to now: events committed while the replay runs get their own deliveries, not a second one from it.
        var now = clock.GetUtcNow();
        var queued = 0;
        var afterPosition = long.MinValue;
        while (true)
        {
            var page = await events.ListOccurredBetweenAsync(command.Since!.Value, now, afterPosition, PageSize, cancellationToken);
            var pageDeliveries = page
                .Where(webhookEvent => endpoint.Subscribes(webhookEvent.Type, webhookEvent.Organization))
                .Select(webhookEvent => WebhookDelivery.CreateFor(endpoint.Id, webhookEvent, now))
                .ToList();
            if (pageDeliveries.Count > 0)
            {
                await deliveries.QueueNowAsync(pageDeliveries, cancellationToken);
                queued += pageDeliveries.Count;
            }

            if (page.Count < PageSize)
            {
                break;
            }

            afterPosition = page[^1].Position;
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
