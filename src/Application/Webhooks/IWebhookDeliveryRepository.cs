using ScimClean.Domain.Webhooks;

namespace ScimClean.Application.Webhooks;

public interface IWebhookDeliveryRepository
{
    /// <summary>The delivery, tracked for changes.</summary>
    Task<WebhookDelivery?> FindAsync(Guid id, CancellationToken cancellationToken);

    void Add(WebhookDelivery delivery);

    /// <summary>
    /// Writes new deliveries at once, committed on their own and not tracked, rather than with the command's unit of
    /// work: for a replay, whose many thousands of deliveries would otherwise all be held in memory until its commit.
    /// </summary>
    Task QueueNowAsync(IReadOnlyCollection<WebhookDelivery> deliveries, CancellationToken cancellationToken);
}
