using ScimClean.Domain.Webhooks;

namespace ScimClean.Application.Webhooks;

public interface IWebhookDeliveryRepository
{
    /// <summary>The delivery, tracked for changes.</summary>
    Task<WebhookDelivery?> FindAsync(Guid id, CancellationToken cancellationToken);

    void Add(WebhookDelivery delivery);
}
