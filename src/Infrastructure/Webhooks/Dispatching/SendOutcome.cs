namespace ScimClean.Infrastructure.Webhooks.Dispatching;

/// <summary>What one attempt came to. <see cref="Error"/> never holds secrets or bodies.</summary>
public sealed record SendOutcome(
    SendResult Result,
    int? StatusCode = null,
    string? Error = null,
    int? LatencyMs = null,
    TimeSpan? RetryAfter = null);
