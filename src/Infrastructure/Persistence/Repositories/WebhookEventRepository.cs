using ScimClean.Application.Webhooks;
using ScimClean.Domain.Webhooks;

namespace ScimClean.Infrastructure.Persistence.Repositories;

internal sealed class WebhookEventRepository(ScimCleanDbContext dbContext) : IWebhookEventRepository
{
    public async Task<IReadOnlyList<ReplayableEvent>> ListOccurredBetweenAsync(
        DateTimeOffset since,
        DateTimeOffset until,
        long afterPosition,
        int count,
        CancellationToken cancellationToken) =>
        await dbContext.WebhookEvents
            .AsNoTracking()
            .Where(webhookEvent => webhookEvent.Position > afterPosition
                && webhookEvent.OccurredAt >= since
                && webhookEvent.OccurredAt <= until)
            .OrderBy(webhookEvent => webhookEvent.Position)
            .Take(count)
            .Select(webhookEvent => new ReplayableEvent(
                webhookEvent.Id, webhookEvent.Position, webhookEvent.Type, webhookEvent.Organization, webhookEvent.ResourceId))
            .ToListAsync(cancellationToken);
}
