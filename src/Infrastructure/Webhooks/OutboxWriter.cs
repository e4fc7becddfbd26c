using ScimClean.Domain.Common;
using ScimClean.Application.Webhooks.Events;
using ScimClean.Domain.Webhooks;
using ScimClean.Infrastructure.Persistence;

namespace ScimClean.Infrastructure.Webhooks;

/// <summary>
/// The transactional outbox: turns the domain events of the tracked aggregates into event rows and one
/// delivery row per subscribed endpoint, added to the same SaveChanges as the change itself.
/// </summary>
internal sealed class OutboxWriter(ScimCleanDbContext dbContext, IOutgoingEventFactory factory, TimeProvider clock)
{
    /// <summary>Adds the rows; returns the aggregates whose events were taken, to be cleared after the commit.</summary>
    public async Task<IReadOnlyList<AggregateRoot>> AddPendingEventsAsync(CancellationToken cancellationToken)
    {
        var sources = dbContext.ChangeTracker.Entries<AggregateRoot>()
            .Select(entry => entry.Entity)
            .Where(aggregate => aggregate.DomainEvents.Count > 0)
            .ToList();
        if (sources.Count == 0)
        {
            return sources;
        }

        var raised = sources
            .SelectMany(source => source.DomainEvents.Select(domainEvent => new RaisedEvent(domainEvent, source)))
            .OrderBy(item => item.Event.OccurredAt)
            .ToList();
        var outgoing = await factory.CreateAsync(raised, cancellationToken);
        if (outgoing.Count == 0)
        {
            return sources;
        }

        var endpoints = await EnabledWebhookEndpoints.ListAsync(dbContext, cancellationToken);
        var sequences = new Dictionary<Guid, long>();
        var now = clock.GetUtcNow();
        foreach (var item in outgoing)
        {
            var sequence = item.ResourceId is { } resourceId
                ? await NextSequenceAsync(sequences, resourceId, IsCreation(item.Type), cancellationToken)
                : 1;
            var id = $"evt_{Guid.CreateVersion7(now):N}";
            var payload = item.ToPayload(id, sequence).ToJsonString();
            var webhookEvent = WebhookEvent.Create(
                id, item.Type, item.OrganizationId, item.Organization, item.ResourceId, sequence, item.OccurredAt, payload);
            dbContext.WebhookEvents.Add(webhookEvent);
            foreach (var endpoint in endpoints.Where(endpoint => endpoint.Subscribes(item.Type, item.Organization)))
            {
                dbContext.WebhookDeliveries.Add(WebhookDelivery.Create(endpoint.Id, webhookEvent, now));
            }
        }

        return sources;
    }

    /// <summary>A resource's first event: its id is new, so no earlier event can count on it.</summary>
    private static bool IsCreation(string type) => type is WebhookEventTypes.UserCreated or WebhookEventTypes.GroupCreated;

    private async Task<long> NextSequenceAsync(
        Dictionary<Guid, long> sequences,
        Guid resourceId,
        bool created,
        CancellationToken cancellationToken)
    {
        if (!sequences.TryGetValue(resourceId, out var last) && !created)
        {
            last = await dbContext.WebhookEvents
                .Where(webhookEvent => webhookEvent.ResourceId == resourceId)
                .MaxAsync(webhookEvent => (long?)webhookEvent.Sequence, cancellationToken) ?? 0;
        }

        sequences[resourceId] = last + 1;
        return last + 1;
    }
}
