namespace ScimClean.Api.RateLimiting;

/// <summary>
/// Slows down guessing of SCIM tokens and the admin key, bound from <c>Auth:FailureThrottle</c>: after
/// <see cref="MaxFailures"/> failed authentications (401) from one source IP within <see cref="WindowSeconds"/>, every further
/// request from it to /org or /admin is answered 429 with Retry-After until the window ends.
/// </summary>
public sealed class AuthenticationThrottleOptions
{
    public const string SectionName = "Auth:FailureThrottle";

    /// <summary><c>Auth:FailureThrottle:Enabled</c>: default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary><c>Auth:FailureThrottle:MaxFailures</c>: failures allowed per source IP and window; default 20.</summary>
    public int MaxFailures { get; set; } = 20;

    /// <summary><c>Auth:FailureThrottle:WindowSeconds</c>: the window, counted from the first failure; default 60.</summary>
    public int WindowSeconds { get; set; } = 60;

    /// <summary>True when every value is positive.</summary>
    public bool IsValid() => MaxFailures > 0 && WindowSeconds > 0;
}
