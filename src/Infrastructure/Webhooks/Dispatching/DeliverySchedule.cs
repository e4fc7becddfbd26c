namespace ScimClean.Infrastructure.Webhooks.Dispatching;

/// <summary>
/// The durable retry schedule: the first attempt at once, then after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and
/// 10 h (each ±10%); after the eighth attempt the delivery is given up.
/// </summary>
public sealed class DeliverySchedule(IDeliveryJitter jitter)
{
    public static readonly IReadOnlyList<TimeSpan> Delays =
    [
        TimeSpan.FromSeconds(5),
        TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(2),
        TimeSpan.FromHours(5),
        TimeSpan.FromHours(10),
        TimeSpan.FromHours(10),
    ];

    public static int MaxAttempts => Delays.Count + 1;

    /// <summary>The delay before the next attempt after <paramref name="attemptsMade"/> failed ones; null when none is left.</summary>
    public TimeSpan? NextDelay(int attemptsMade) =>
        attemptsMade >= 1 && attemptsMade <= Delays.Count
            ? Delays[attemptsMade - 1] * jitter.NextFactor()
            : null;

    /// <summary>
    /// The delay a receiver asked for with Retry-After, capped at twice the scheduled one; null when no attempt is left.
    /// </summary>
    public static TimeSpan? HonourRetryAfter(TimeSpan? scheduled, TimeSpan retryAfter) =>
        scheduled is { } delay ? TimeSpan.FromTicks(Math.Min(Math.Max(retryAfter.Ticks, 0), delay.Ticks * 2)) : null;
}
