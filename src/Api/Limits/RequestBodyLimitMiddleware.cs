using Microsoft.AspNetCore.Http.Features;
using ScimClean.Application.Scim;

namespace ScimClean.Api.Limits;

/// <summary>
/// Caps request bodies on SCIM (/org) and admin (/admin) routes at <see cref="ScimLimits.MaxRequestBodyBytes"/>: a declared
/// Content-Length above it is answered 413 at once (its body written by the status code pages); otherwise the server's
/// per-request limit is set (Kestrel), or the body is wrapped so that reading past the limit fails with 413.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, ScimLimits limits)
{
    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (!path.StartsWithSegments("/org") && !path.StartsWithSegments("/admin"))
        {
            return next(context);
        }

        var limit = limits.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }
        else
        {
            context.Request.Body = new LengthLimitedStream(context.Request.Body, limit);
        }

        return next(context);
    }
}
