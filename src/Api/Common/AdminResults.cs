using ScimClean.Domain.Common;

namespace ScimClean.Api.Common;

/// <summary>Admin API errors as RFC 9457 problem details, with the stable error code as an extension.</summary>
public static class AdminResults
{
    public static IResult Problem(Error error)
    {
        var status = error.Kind switch
        {
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Conflict or ErrorKind.Uniqueness => StatusCodes.Status409Conflict,
            ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
            ErrorKind.VersionMismatch => StatusCodes.Status412PreconditionFailed,
            _ => StatusCodes.Status400BadRequest,
        };
        return TypedResults.Problem(
            detail: error.Description,
            statusCode: status,
            extensions: new Dictionary<string, object?> { ["code"] = error.Code });
    }
}
