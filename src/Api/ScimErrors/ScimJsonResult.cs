using System.Text.Json.Nodes;
using Microsoft.Net.Http.Headers;
using ScimClean.Application.Scim;

namespace ScimClean.Api.ScimErrors;

/// <summary>Writes a SCIM message (resource, list) as application/scim+json with its ETag and Location.</summary>
public sealed class ScimJsonResult(ScimResourceBody body, int statusCode, string? etag = null, string? location = null) : IResult
{
    public ScimJsonResult(JsonObject body, int statusCode, string? etag = null, string? location = null)
        : this(ScimResourceBody.Of(body), statusCode, etag, location)
    {
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = ScimContentTypes.ScimUtf8;
        if (etag is not null)
        {
            response.Headers[HeaderNames.ETag] = etag;
        }

        if (location is not null)
        {
            response.Headers[HeaderNames.Location] = location;
        }

        await using var writer = new System.Text.Json.Utf8JsonWriter(response.BodyWriter);
        body.WriteTo(writer);
        await writer.FlushAsync(httpContext.RequestAborted);
    }
}
