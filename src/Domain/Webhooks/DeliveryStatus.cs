namespace ScimClean.Domain.Webhooks;

public enum DeliveryStatus
{
    /// <summary>Waiting for its next attempt (or for an earlier event of the same resource).</summary>
    Pending,

    /// <summary>Leased by a dispatcher that is sending it now; goes back to pending when the lease ends.</summary>
    InFlight,

    Succeeded,

    /// <summary>Given up after the last attempt (dead-lettered); can be retried through the API.</summary>
    Failed,
}
