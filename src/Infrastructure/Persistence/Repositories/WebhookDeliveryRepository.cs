using ScimClean.Application.Webhooks;
using ScimClean.Domain.Webhooks;

namespace ScimClean.Infrastructure.Persistence.Repositories;

internal sealed class WebhookDeliveryRepository(ScimCleanDbContext dbContext) : IWebhookDeliveryRepository
{
    public Task<WebhookDelivery?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        dbContext.WebhookDeliveries.FirstOrDefaultAsync(delivery => delivery.Id == id, cancellationToken);

    public void Add(WebhookDelivery delivery) => dbContext.WebhookDeliveries.Add(delivery);
}
