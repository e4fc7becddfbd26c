namespace ScimClean.Application.Common.Behaviours;

/// <summary>
/// Marks a read-modify-write command that is safe to run again from the start when another request changed
/// the same row between its read and its write, so that concurrent updates never lose one another.
/// </summary>
public interface IRetryOnConcurrencyConflict;
