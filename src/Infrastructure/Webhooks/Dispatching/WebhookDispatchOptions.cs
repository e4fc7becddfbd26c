namespace ScimClean.Infrastructure.Webhooks.Dispatching;

/// <summary>The dispatcher's settings (section <c>Webhooks</c>); the defaults are the contract's.</summary>
public sealed class WebhookDispatchOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>Whether this process runs the background dispatcher; tests that drive the processor themselves turn it off.</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>The backstop poll when no commit signals new work.</summary>
    public int PollIntervalMs { get; set; } = 1000;

    /// <summary>How long a claimed delivery stays leased; after that another dispatcher may send it again.</summary>
    public int LeaseSeconds { get; set; } = 30;

    /// <summary>The timeout of one HTTP attempt.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// Deliveries in flight at once in this process, over all rounds. Sends are asynchronous, so this is cheap; it is
    /// also how many requests a receiver that hangs until the timeout can hold before it delays other endpoints.
    /// </summary>
    public int MaxParallelism { get; set; } = 64;

    /// <summary>How many deliveries one claim takes at most.</summary>
    public int BatchSize { get; set; } = 64;

    /// <summary>An endpoint whose every attempt failed for this long is disabled.</summary>
    public double DisableAfterDays { get; set; } = 5;

    /// <summary>Quick in-process retries of a network error (connection refused, reset) within one attempt.</summary>
    public int TransientRetries { get; set; } = 2;

    public int TransientRetryDelayMs { get; set; } = 200;

    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    public int CircuitBreakerMinimumThroughput { get; set; } = 5;

    public int CircuitBreakerSamplingSeconds { get; set; } = 60;

    public int CircuitBreakerBreakSeconds { get; set; } = 30;
}
