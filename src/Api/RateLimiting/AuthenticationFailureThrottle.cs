using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ScimClean.Api.RateLimiting;

/// <summary>
/// Counts failed authentications per source in fixed windows on the <see cref="TimeProvider"/> clock. Nothing waits:
/// a source over the limit is told when to come back. Expired windows are swept once many sources are tracked.
/// </summary>
internal sealed class AuthenticationFailureThrottle(TimeProvider clock, IOptions<AuthenticationThrottleOptions> options)
{
    private const int SweepThreshold = 10_000;

    private readonly ConcurrentDictionary<string, FailureWindow> _windows = new(StringComparer.Ordinal);

    private TimeSpan Window => TimeSpan.FromSeconds(options.Value.WindowSeconds);

    /// <summary>True when <paramref name="source"/> used up its failures; <paramref name="retryAfter"/> is the rest of its window.</summary>
    public bool IsBlocked(string source, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (!_windows.TryGetValue(source, out var window))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        lock (window)
        {
            var end = window.Start + Window;
            if (window.Failures < options.Value.MaxFailures || now >= end)
            {
                return false;
            }

            retryAfter = end - now;
            return true;
        }
    }

    public void RecordFailure(string source)
    {
        if (_windows.Count > SweepThreshold)
        {
            Sweep();
        }

        var now = clock.GetUtcNow();
        var window = _windows.GetOrAdd(source, _ => new FailureWindow(now));
        lock (window)
        {
            if (now >= window.Start + Window)
            {
                window.Start = now;
                window.Failures = 0;
            }

            window.Failures++;
        }
    }

    private void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var (source, window) in _windows)
        {
            if (now >= window.Start + Window)
            {
                _windows.TryRemove(source, out _);
            }
        }
    }

    private sealed class FailureWindow(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; set; } = start;

        public int Failures { get; set; }
    }
}
