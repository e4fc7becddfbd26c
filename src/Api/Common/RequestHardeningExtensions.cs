using ScimClean.Api.Limits;
using ScimClean.Api.RateLimiting;

namespace ScimClean.Api.Common;

public static class RequestHardeningExtensions
{
    /// <summary>Request body size limit and failed-authentication throttle; call after the exception handler and status code pages.</summary>
    public static IApplicationBuilder UseRequestHardening(this IApplicationBuilder app) => app
        .UseMiddleware<RequestBodyLimitMiddleware>()
        .UseMiddleware<AuthenticationThrottleMiddleware>();
}
