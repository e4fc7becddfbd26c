using Microsoft.AspNetCore.Diagnostics;
using ScimClean.Api.ScimErrors;

namespace ScimClean.Api.Common;

/// <summary>
/// Gives body-less error responses (405 on a known path, 404 outside any route, 415, ...) the body of their
/// route's error format: a SCIM error under /org/, problem details elsewhere.
/// </summary>
internal static class StatusCodeBodies
{
    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        if (http.Request.Path.StartsWithSegments("/org"))
        {
            var detail = status switch
            {
                StatusCodes.Status405MethodNotAllowed => $"{http.Request.Method} is not supported on this SCIM endpoint",
                StatusCodes.Status404NotFound => "no such SCIM endpoint",
                StatusCodes.Status413PayloadTooLarge => "the request body is too large",
                _ => "the request could not be served",
            };
            await ScimResults.WriteAsync(http, ScimErrorResponse.Create(status, null, detail));
            return;
        }

        var problemDetails = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problemDetails.WriteAsync(new ProblemDetailsContext { HttpContext = http });
    }
}
