namespace ScimClean.Domain.Webhooks;

/// <summary>
/// One committed change, as sent to webhook endpoints and kept for the events API. Written in the same
/// transaction as the change itself (transactional outbox). <see cref="Position"/> orders all events.
/// </summary>
public sealed class WebhookEvent
{
    private WebhookEvent()
    {
        Id = string.Empty;
        Type = string.Empty;
        Organization = string.Empty;
        Payload = string.Empty;
    }

    /// <summary>Database-assigned, strictly increasing: the events API cursor and the delivery order.</summary>
    public long Position { get; private set; }

    /// <summary>evt_ + unique; also the webhook-id header.</summary>
    public string Id { get; private set; }

    public string Type { get; private set; }

    public Guid OrganizationId { get; private set; }

    public string Organization { get; private set; }

    /// <summary>The user or group the event is about; per-resource ordering keys on it.</summary>
    public Guid? ResourceId { get; private set; }

    /// <summary>Counts the events of one resource: 1, 2, 3, ...</summary>
    public long Sequence { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The JSON body sent to endpoints, exactly.</summary>
    public string Payload { get; private set; }

    public static WebhookEvent Create(
        string id,
        string type,
        Guid organizationId,
        string organization,
        Guid? resourceId,
        long sequence,
        DateTimeOffset occurredAt,
        string payload) => new()
        {
            Id = id,
            Type = type,
            OrganizationId = organizationId,
            Organization = organization,
            ResourceId = resourceId,
            Sequence = sequence,
            OccurredAt = occurredAt,
            Payload = payload,
        };
}
