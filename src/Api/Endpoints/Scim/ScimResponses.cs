using System.Text.Json.Nodes;
using Microsoft.Net.Http.Headers;
using ScimClean.Api.ScimErrors;
using ScimClean.Application.Scim;
using ScimClean.Domain.Common;

namespace ScimClean.Api.Endpoints.Scim;

/// <summary>Maps use-case results to SCIM responses; no logic beyond status codes and headers.</summary>
public static class ScimResponses
{
    public static IResult Created(Result<ScimResourceResult> result) => result.IsSuccess
        ? new ScimJsonResult(result.Value.Body, StatusCodes.Status201Created, result.Value.ETag, result.Value.Location)
        : ScimResults.Error(result.Error!);

    public static IResult Ok(Result<ScimResourceResult> result) => result.IsSuccess
        ? new ScimJsonResult(result.Value.Body, StatusCodes.Status200OK, result.Value.ETag, result.Value.Location)
        : ScimResults.Error(result.Error!);

    /// <summary>200 with the resource, or 304 when the client's If-None-Match already names this version.</summary>
    public static IResult OkOrNotModified(Result<ScimResourceResult> result, HttpRequest request)
    {
        if (result.IsSuccess && request.Headers[HeaderNames.IfNoneMatch].ToString() is { Length: > 0 } ifNoneMatch
            && ETag.MatchesAny(ifNoneMatch, result.Value.ETag))
        {
            return new NotModifiedResult(result.Value.ETag);
        }

        return Ok(result);
    }

    public static IResult Json(Result<JsonObject> result) => result.IsSuccess
        ? new ScimJsonResult(result.Value, StatusCodes.Status200OK)
        : ScimResults.Error(result.Error!);

    public static IResult NoContent(Result result) =>
        result.IsSuccess ? Results.NoContent() : ScimResults.Error(result.Error!);

    private sealed class NotModifiedResult(string etag) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status304NotModified;
            httpContext.Response.Headers[HeaderNames.ETag] = etag;
            return Task.CompletedTask;
        }
    }
}
