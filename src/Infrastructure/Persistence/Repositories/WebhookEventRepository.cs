using ScimClean.Application.Webhooks;
using ScimClean.Domain.Webhooks;

namespace ScimClean.Infrastructure.Persistence.Repositories;

internal sealed class WebhookEventRepository(ScimCleanDbContext dbContext) : IWebhookEventRepository
{
    public async Task<IReadOnlyList<ReplayableEvent>> ListOccurredSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        await dbContext.WebhookEvents
            .Where(webhookEvent => webhookEvent.OccurredAt >= since)
            .OrderBy(webhookEvent => webhookEvent.Position)
            .Select(webhookEvent => new ReplayableEvent(
                webhookEvent.Id, webhookEvent.Position, webhookEvent.Type, webhookEvent.Organization, webhookEvent.ResourceId))
            .ToListAsync(cancellationToken);
}
