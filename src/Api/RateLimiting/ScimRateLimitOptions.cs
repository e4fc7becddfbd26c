namespace ScimClean.Api.RateLimiting;

/// <summary>
/// The token bucket of each organization on its SCIM routes, bound from <c>Scim:RateLimit</c>. The defaults leave
/// Entra ID (about 25 requests a second) far below the limit while one noisy tenant cannot starve the others.
/// </summary>
public sealed class ScimRateLimitOptions
{
    public const string SectionName = "Scim:RateLimit";

    /// <summary><c>Scim:RateLimit:Enabled</c>: default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary><c>Scim:RateLimit:TokenLimit</c>: burst size, the most requests an organization may send at once; default 200.</summary>
    public int TokenLimit { get; set; } = 200;

    /// <summary><c>Scim:RateLimit:TokensPerPeriod</c>: tokens added each period; default 100.</summary>
    public int TokensPerPeriod { get; set; } = 100;

    /// <summary><c>Scim:RateLimit:ReplenishmentPeriodSeconds</c>: length of a period; default 1 (so 100 requests a second).</summary>
    public double ReplenishmentPeriodSeconds { get; set; } = 1;

    /// <summary>True when every value is positive.</summary>
    public bool IsValid() => TokenLimit > 0 && TokensPerPeriod > 0 && ReplenishmentPeriodSeconds > 0;
}
