namespace ScimClean.Infrastructure.Webhooks.Dispatching;

public enum SendResult
{
    /// <summary>2xx.</summary>
    Delivered,

    /// <summary>410 Gone: the receiver wants no more events.</summary>
    Gone,

    /// <summary>Any other answer, a network error, a timeout or a URL the policy rejects.</summary>
    Failed,

    /// <summary>The endpoint's circuit is open: not attempted.</summary>
    CircuitOpen,
}
