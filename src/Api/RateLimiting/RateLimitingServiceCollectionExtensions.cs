using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using ScimClean.Api.Auth;

namespace ScimClean.Api.RateLimiting;

public static class RateLimitingServiceCollectionExtensions
{
    /// <summary>The policy on SCIM routes: one token bucket per organization domain.</summary>
    public const string ScimPolicy = "scim-per-organization";

    public static IServiceCollection AddScimRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<ScimRateLimitOptions>()
            .BindConfiguration(ScimRateLimitOptions.SectionName)
            .Validate(options => options.IsValid(), "Scim:RateLimit values must be positive")
            .ValidateOnStart();
        services.AddOptions<AuthenticationThrottleOptions>()
            .BindConfiguration(AuthenticationThrottleOptions.SectionName)
            .Validate(options => options.IsValid(), "Auth:FailureThrottle values must be positive")
            .ValidateOnStart();
        services.AddSingleton<AuthenticationFailureThrottle>();

        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(ScimPolicy, PartitionByOrganization);
            limiter.OnRejected = (context, _) => new ValueTask(TooManyRequests.WriteAsync(
                context.HttpContext,
                context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : null,
                "too many requests for this organization; slow down and retry after the delay in Retry-After"));
        });
        return services;
    }

    /// <summary>
    /// Runs after authorization, so the partition is the authenticated organization: requests without a valid token
    /// never spend another organization's tokens (they are throttled per source IP instead).
    /// </summary>
    private static RateLimitPartition<string> PartitionByOrganization(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<ScimRateLimitOptions>>().Value;
        var domain = context.User.FindFirst(DirectoryClaims.Domain)?.Value;
        if (!options.Enabled || domain is null)
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        return RateLimitPartition.GetTokenBucketLimiter(domain.ToUpperInvariant(), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.TokenLimit,
            TokensPerPeriod = options.TokensPerPeriod,
            ReplenishmentPeriod = TimeSpan.FromSeconds(options.ReplenishmentPeriodSeconds),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
