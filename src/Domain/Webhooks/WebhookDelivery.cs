namespace ScimClean.Domain.Webhooks;

/// <summary>The sending of one event to one endpoint, across all its attempts.</summary>
public sealed class WebhookDelivery
{
    private WebhookDelivery()
    {
        EventId = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid EndpointId { get; private set; }

    public long EventPosition { get; private set; }

    public string EventId { get; private set; }

    /// <summary>The resource the event is about; deliveries with the same key go out in event order.</summary>
    public Guid? OrderingKey { get; private set; }

    public DeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? LeaseExpiresAt { get; private set; }

    /// <summary>
    /// Which claim holds the delivery while it is in flight: every claim stamps a fresh token, and an outcome is
    /// written only while the row still carries the token of the claim that sent it. A dispatcher whose lease ended
    /// and was taken over by another therefore cannot overwrite the new owner's result.
    /// </summary>
    public Guid? LeaseToken { get; private set; }

    public int? LastStatusCode { get; private set; }

    public string? LastError { get; private set; }

    public int? LastLatencyMs { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>The event; set when the delivery is created with it, so that the database fills in its position.</summary>
    public WebhookEvent? Event { get; private set; }

    /// <summary>
    /// A new delivery of a stored event known by its keys only (a replay, which reads events without their payloads).
    /// </summary>
    public static WebhookDelivery CreateFor(Guid endpointId, ReplayableEvent webhookEvent, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        EndpointId = endpointId,
        EventPosition = webhookEvent.Position,
        EventId = webhookEvent.Id,
        OrderingKey = webhookEvent.ResourceId,
        Status = DeliveryStatus.Pending,
        NextAttemptAt = now,
        CreatedAt = now,
    };

    public static WebhookDelivery Create(Guid endpointId, WebhookEvent webhookEvent, DateTimeOffset now)
    {
        var delivery = CreateFor(
            endpointId,
            new ReplayableEvent(webhookEvent.Id, webhookEvent.Position, webhookEvent.Type, webhookEvent.Organization, webhookEvent.ResourceId),
            now);
        // The navigation too: an event created in the same commit has no position yet, and EF sets the key from it.
        delivery.Event = webhookEvent;
        return delivery;
    }

    /// <summary>Marks the delivery in flight under a fresh lease token (the dispatcher's claimers do the same in SQL).</summary>
    public void Lease(DateTimeOffset now, TimeSpan lease)
    {
        Status = DeliveryStatus.InFlight;
        LeaseExpiresAt = now + lease;
        LeaseToken = Guid.NewGuid();
    }

    public void Succeed(int statusCode, int latencyMs, DateTimeOffset now)
    {
        Attempts++;
        Status = DeliveryStatus.Succeeded;
        LastStatusCode = statusCode;
        LastLatencyMs = latencyMs;
        LastError = null;
        LeaseExpiresAt = null;
        LeaseToken = null;
        CompletedAt = now;
    }

    /// <summary>A failed attempt: tried again at <paramref name="nextAttemptAt"/>, or given up when null.</summary>
    public void Fail(int? statusCode, string error, int? latencyMs, DateTimeOffset? nextAttemptAt, DateTimeOffset now)
    {
        Attempts++;
        LastStatusCode = statusCode;
        LastError = error.Length > 500 ? error[..500] : error;
        LastLatencyMs = latencyMs;
        LeaseExpiresAt = null;
        LeaseToken = null;
        if (nextAttemptAt is { } next)
        {
            Status = DeliveryStatus.Pending;
            NextAttemptAt = next;
        }
        else
        {
            Status = DeliveryStatus.Failed;
            CompletedAt = now;
        }
    }

    /// <summary>Not attempted (its endpoint's circuit is open): later, without spending an attempt.</summary>
    public void Postpone(DateTimeOffset until)
    {
        Status = DeliveryStatus.Pending;
        LeaseExpiresAt = null;
        LeaseToken = null;
        NextAttemptAt = until;
    }

    /// <summary>A manual retry of a failed (or any finished) delivery: a fresh schedule from now.</summary>
    public void Retry(DateTimeOffset now)
    {
        Status = DeliveryStatus.Pending;
        Attempts = 0;
        NextAttemptAt = now;
        LeaseExpiresAt = null;
        LeaseToken = null;
        CompletedAt = null;
    }
}
