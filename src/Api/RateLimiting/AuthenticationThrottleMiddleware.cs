using Microsoft.Extensions.Options;

namespace ScimClean.Api.RateLimiting;

/// <summary>
/// On /org and /admin: answers 429 to a source IP that failed authentication too often, and counts every 401 it gets.
/// A request without a remote address (some proxies, the test host) is counted under "unknown".
/// </summary>
internal sealed class AuthenticationThrottleMiddleware(
    RequestDelegate next,
    AuthenticationFailureThrottle throttle,
    IOptions<AuthenticationThrottleOptions> options)
{
    public const string UnknownSource = "unknown";

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (!options.Value.Enabled || (!path.StartsWithSegments("/org") && !path.StartsWithSegments("/admin")))
        {
            await next(context);
            return;
        }

        var source = context.Connection.RemoteIpAddress?.ToString() ?? UnknownSource;
        if (throttle.IsBlocked(source, out var retryAfter))
        {
            await TooManyRequests.WriteAsync(context, retryAfter, "too many failed authentications from this address; try again later");
            return;
        }

        await next(context);
        if (context.Response.StatusCode == StatusCodes.Status401Unauthorized)
        {
            throttle.RecordFailure(source);
        }
    }
}
