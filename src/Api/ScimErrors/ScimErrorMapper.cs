using ScimClean.Application.Common.Exceptions;
using ScimClean.Domain.Common;

namespace ScimClean.Api.ScimErrors;

/// <summary>The single place where an error kind becomes an HTTP status and a SCIM scimType.</summary>
public static class ScimErrorMapper
{
    public static ScimErrorResponse FromError(Error error) => error.Kind switch
    {
        ErrorKind.Validation => ScimErrorResponse.Create(StatusCodes.Status400BadRequest, ScimType.InvalidValue, error.Description),
        ErrorKind.InvalidSyntax => ScimErrorResponse.Create(StatusCodes.Status400BadRequest, ScimType.InvalidSyntax, error.Description),
        ErrorKind.NotFound => ScimErrorResponse.Create(StatusCodes.Status404NotFound, null, error.Description),
        ErrorKind.Conflict => ScimErrorResponse.Create(StatusCodes.Status409Conflict, null, error.Description),
        ErrorKind.Uniqueness => ScimErrorResponse.Create(StatusCodes.Status409Conflict, ScimType.Uniqueness, error.Description),
        ErrorKind.Mutability => ScimErrorResponse.Create(StatusCodes.Status400BadRequest, ScimType.Mutability, error.Description),
        ErrorKind.InvalidFilter => ScimErrorResponse.Create(StatusCodes.Status400BadRequest, ScimType.InvalidFilter, error.Description),
        ErrorKind.InvalidPath => ScimErrorResponse.Create(StatusCodes.Status400BadRequest, ScimType.InvalidPath, error.Description),
        ErrorKind.NoTarget => ScimErrorResponse.Create(StatusCodes.Status400BadRequest, ScimType.NoTarget, error.Description),
        ErrorKind.TooMany => ScimErrorResponse.Create(StatusCodes.Status400BadRequest, ScimType.TooMany, error.Description),
        ErrorKind.VersionMismatch => ScimErrorResponse.Create(StatusCodes.Status412PreconditionFailed, ScimType.InvalidVers, error.Description),
        ErrorKind.Unauthorized => ScimErrorResponse.Create(StatusCodes.Status401Unauthorized, null, error.Description),
        _ => ScimErrorResponse.Create(StatusCodes.Status500InternalServerError, null, "An unexpected error occurred."),
    };

    /// <summary>Maps exceptions that stand for client input or a lost race; anything else is a bug (500).</summary>
    public static ScimErrorResponse FromException(Exception exception) => exception switch
    {
        RequestValidationException validation => ScimErrorResponse.Create(
            StatusCodes.Status400BadRequest, validation.ErrorCode ?? ScimType.InvalidValue, validation.Message),
        UniquenessViolationException => ScimErrorResponse.Create(
            StatusCodes.Status409Conflict, ScimType.Uniqueness, "a resource with the same unique value already exists"),
        ConcurrencyConflictException => ScimErrorResponse.Create(
            StatusCodes.Status409Conflict, null, "the resource was changed by another request; read it and try again"),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => ScimErrorResponse.Create(
            StatusCodes.Status413PayloadTooLarge, null, "the request body is too large"),
        BadHttpRequestException or System.Text.Json.JsonException => ScimErrorResponse.Create(
            StatusCodes.Status400BadRequest, ScimType.InvalidSyntax, "the request body is not valid JSON"),
        _ => ScimErrorResponse.Create(StatusCodes.Status500InternalServerError, null, "An unexpected error occurred."),
    };
}
