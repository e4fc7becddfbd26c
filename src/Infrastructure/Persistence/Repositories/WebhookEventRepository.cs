using ScimClean.Application.Webhooks;
using ScimClean.Domain.Webhooks;

namespace ScimClean.Infrastructure.Persistence.Repositories;

internal sealed class WebhookEventRepository(ScimCleanDbContext dbContext) : IWebhookEventRepository
{
    // Tracked: a new delivery that points at one of these events must not insert it again.
    public async Task<IReadOnlyList<WebhookEvent>> ListOccurredSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        await dbContext.WebhookEvents
            .Where(webhookEvent => webhookEvent.OccurredAt >= since)
            .OrderBy(webhookEvent => webhookEvent.Position)
            .ToListAsync(cancellationToken);
}
