using System.Text.Json.Nodes;
using ScimClean.Api.ScimErrors;
using ScimClean.Application.Scim.Querying;

namespace ScimClean.Api.Endpoints.Scim;

/// <summary>
/// The input steps every SCIM resource endpoint shares: read the JSON body or the list parameters, answer a SCIM
/// error when they are malformed, otherwise hand them on with the authenticated organization.
/// </summary>
internal static class ScimEndpointInput
{
    public static async Task<IResult> WithBodyAsync(HttpContext http, Func<JsonObject, ScimRequestContext, Task<IResult>> handle)
    {
        var body = await ScimBody.ReadObjectAsync(http.Request);
        return body.IsFailure ? ScimResults.Error(body.Error!) : await handle(body.Value, ScimRequestContext.From(http));
    }

    public static async Task<IResult> WithQueryParametersAsync(
        HttpContext http,
        Func<ListParameters, ScimRequestContext, Task<IResult>> handle)
    {
        var parameters = ListParametersReader.FromQuery(http.Request.Query);
        return parameters.IsFailure
            ? ScimResults.Error(parameters.Error!)
            : await handle(parameters.Value, ScimRequestContext.From(http));
    }

    public static Task<IResult> WithSearchBodyAsync(HttpContext http, Func<ListParameters, ScimRequestContext, Task<IResult>> handle) =>
        WithBodyAsync(http, async (body, context) =>
        {
            var parameters = ListParametersReader.FromSearchBody(body);
            return parameters.IsFailure ? ScimResults.Error(parameters.Error!) : await handle(parameters.Value, context);
        });
}
