namespace ScimClean.Application.Common.Exceptions;

public sealed record RequestValidationFailure(string Property, string Message, string? ErrorCode);
