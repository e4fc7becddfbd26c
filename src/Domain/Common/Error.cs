namespace ScimClean.Domain.Common;

/// <summary>A named, expected failure. Codes are stable; descriptions are for people.</summary>
public sealed record Error(string Code, string Description, ErrorKind Kind)
{
    public static Error Validation(string code, string description) => new(code, description, ErrorKind.Validation);

    public static Error NotFound(string code, string description) => new(code, description, ErrorKind.NotFound);

    public static Error Conflict(string code, string description) => new(code, description, ErrorKind.Conflict);
}
