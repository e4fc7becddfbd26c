namespace ScimClean.Application.Common.Exceptions;

/// <summary>The row changed between read and write (optimistic concurrency). Handlers may retry.</summary>
public sealed class ConcurrencyConflictException(string message, Exception innerException)
    : Exception(message, innerException);
