using Microsoft.AspNetCore.Diagnostics;
using ScimClean.Api.ScimErrors;
using ScimClean.Application.Common.Exceptions;

namespace ScimClean.Api.Common;

/// <summary>
/// Turns exceptions into the error format of the route: SCIM errors under /org/, problem details elsewhere.
/// Client mistakes become 4xx with a readable detail; anything else is a 500 whose stack trace goes to the log only.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody is listening for an answer.
            httpContext.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
            return true;
        }

        var error = ScimErrorMapper.FromException(exception);
        var status = int.Parse(error.Status, System.Globalization.CultureInfo.InvariantCulture);
        if (status >= StatusCodes.Status500InternalServerError)
        {
            logger.LogError(exception, "Unhandled {ExceptionType} on {Method} {Route}",
                exception.GetType().Name, httpContext.Request.Method, httpContext.GetEndpoint()?.DisplayName);
        }

        if (httpContext.Request.Path.StartsWithSegments("/org"))
        {
            await ScimResults.WriteAsync(httpContext, error);
            return true;
        }

        httpContext.Response.StatusCode = status;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = status,
            Detail = status >= StatusCodes.Status500InternalServerError ? "An unexpected error occurred." : error.Detail,
        };
        if (exception is RequestValidationException validation)
        {
            problem.Extensions["errors"] = validation.Failures
                .GroupBy(failure => failure.Property)
                .ToDictionary(group => group.Key, group => group.Select(failure => failure.Message).ToArray());
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }
}
