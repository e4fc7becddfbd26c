using System.Globalization;
using Microsoft.Net.Http.Headers;
using ScimClean.Api.ScimErrors;

namespace ScimClean.Api.RateLimiting;

/// <summary>Writes a 429 with Retry-After (whole seconds, at least 1) in the route's error format.</summary>
internal static class TooManyRequests
{
    public static async Task WriteAsync(HttpContext context, TimeSpan? retryAfter, string detail)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        if (retryAfter is { } delay)
        {
            var seconds = Math.Max(1, (long)Math.Ceiling(delay.TotalSeconds));
            response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
        }

        if (context.Request.Path.StartsWithSegments("/org"))
        {
            await ScimResults.WriteAsync(context, ScimErrorResponse.Create(StatusCodes.Status429TooManyRequests, null, detail));
            return;
        }

        var problemDetails = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Detail = detail },
        });
    }
}
