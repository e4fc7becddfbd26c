namespace ScimClean.Application.Common.Exceptions;

/// <summary>
/// The database refused a write because a unique index already holds the value: a concurrent request won
/// the race that the handler's own check could not see. Mapped to 409.
/// </summary>
public sealed class UniquenessViolationException(string message, Exception innerException)
    : Exception(message, innerException);
