using Microsoft.Extensions.DependencyInjection;
using ScimClean.Application.Webhooks;
using ScimClean.Domain.Webhooks;

namespace ScimClean.Infrastructure.Persistence.Repositories;

internal sealed class WebhookDeliveryRepository(ScimCleanDbContext dbContext, IServiceScopeFactory scopes) : IWebhookDeliveryRepository
{
    public Task<WebhookDelivery?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        dbContext.WebhookDeliveries.FirstOrDefaultAsync(delivery => delivery.Id == id, cancellationToken);

    public void Add(WebhookDelivery delivery) => dbContext.WebhookDeliveries.Add(delivery);

    public async Task QueueNowAsync(IReadOnlyCollection<WebhookDelivery> deliveries, CancellationToken cancellationToken)
    {
        // A context of its own, let go with everything it tracked once the rows are written: the command's context keeps
        // only what its unit of work commits. (On SQLite an insert-only save like this one is group-committed.)
        await using var scope = scopes.CreateAsyncScope();
        var writer = scope.ServiceProvider.GetRequiredService<ScimCleanDbContext>();
        writer.WebhookDeliveries.AddRange(deliveries);
        await writer.SaveChangesAsync(cancellationToken);
    }
}
