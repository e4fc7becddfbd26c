using ScimClean.Application.Webhooks;

namespace ScimClean.Infrastructure.Persistence.Queries;

internal sealed class WebhookEventQueries(ScimCleanDbContext dbContext) : IWebhookEventQueries
{
    public async Task<IReadOnlyList<StoredEvent>> ListAsync(
        long afterPosition,
        string? organization,
        string? typePattern,
        int take,
        CancellationToken cancellationToken)
    {
        var events = dbContext.WebhookEvents.AsNoTracking().Where(webhookEvent => webhookEvent.Position > afterPosition);
        if (organization is not null)
        {
            events = events.Where(webhookEvent => webhookEvent.Organization == organization);
        }

        if (typePattern is not null && typePattern != "*")
        {
            if (typePattern.EndsWith(".*", StringComparison.Ordinal))
            {
                var prefix = typePattern[..^1];
                events = events.Where(webhookEvent => webhookEvent.Type.StartsWith(prefix));
            }
            else
            {
                events = events.Where(webhookEvent => webhookEvent.Type == typePattern);
            }
        }

        return await events
            .OrderBy(webhookEvent => webhookEvent.Position)
            .Take(take)
            .Select(webhookEvent => new StoredEvent(webhookEvent.Position, webhookEvent.Payload))
            .ToListAsync(cancellationToken);
    }
}
