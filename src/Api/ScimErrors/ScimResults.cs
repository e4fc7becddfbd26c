using ScimClean.Domain.Common;

namespace ScimClean.Api.ScimErrors;

/// <summary>Writes SCIM error bodies as application/scim+json.</summary>
public static class ScimResults
{
    public static IResult Error(ScimErrorResponse error) =>
        Results.Json(error, statusCode: int.Parse(error.Status, System.Globalization.CultureInfo.InvariantCulture), contentType: ScimContentTypes.Scim);

    public static IResult Error(Error error) => Error(ScimErrorMapper.FromError(error));

    public static IResult Error(int status, string? scimType, string detail) =>
        Error(ScimErrorResponse.Create(status, scimType, detail));

    public static Task WriteAsync(HttpContext context, ScimErrorResponse error)
    {
        context.Response.StatusCode = int.Parse(error.Status, System.Globalization.CultureInfo.InvariantCulture);
        return context.Response.WriteAsJsonAsync(error, options: null, contentType: ScimContentTypes.Scim, context.RequestAborted);
    }
}
