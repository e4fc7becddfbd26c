using System.Text.Json;
using System.Text.Json.Nodes;
using ScimClean.Api.Limits;
using ScimClean.Api.ScimErrors;
using ScimClean.Application.Scim;
using ScimClean.Domain.Common;

namespace ScimClean.Api.Endpoints.Scim;

/// <summary>
/// Reads a SCIM request body: JSON object, sent as application/scim+json or application/json, within the
/// <see cref="ScimLimits"/> (JSON depth, string lengths, values per attribute).
/// </summary>
public static class ScimBody
{

    public static async Task<Result<JsonObject>> ReadObjectAsync(HttpRequest request)
    {
        var mediaType = request.ContentType is { } contentType
            ? contentType.Split(';')[0].Trim()
            : null;
        if (mediaType is not null
            && !mediaType.Equals(ScimContentTypes.Scim, StringComparison.OrdinalIgnoreCase)
            && !mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return new Error(
                "scim.unsupported_media_type",
                $"send the body as application/scim+json or application/json, not {mediaType}",
                ErrorKind.InvalidSyntax);
        }

        var limits = request.HttpContext.RequestServices.GetService<ScimLimits>() ?? ScimLimits.Default;
        try
        {
            var options = new JsonDocumentOptions { MaxDepth = limits.MaxJsonDepth };
            var node = await JsonNode.ParseAsync(request.Body, nodeOptions: null, options, request.HttpContext.RequestAborted);
            if (node is JsonObject body)
            {
                // Touching every property surfaces duplicate keys now, as a syntax error, not later as a crash.
                _ = body.Count;
                return ScimBodyLimits.Check(body, limits) is { } tooLarge ? tooLarge : body;
            }

            return new Error("scim.body_not_object", "the request body must be a JSON object", ErrorKind.InvalidSyntax);
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or InvalidOperationException)
        {
            return new Error("scim.invalid_json", "the request body is not valid JSON", ErrorKind.InvalidSyntax);
        }
    }
}
