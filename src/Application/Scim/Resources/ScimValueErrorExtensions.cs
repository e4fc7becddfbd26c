namespace ScimClean.Application.Scim.Resources;

public static class ScimValueErrorExtensions
{
    /// <summary>The first problem of a body as the expected-failure the handlers return.</summary>
    public static Error ToError(this IReadOnlyList<ScimValueError> errors)
    {
        var first = errors[0];
        var detail = errors.Count == 1
            ? first.Detail
            : $"{first.Detail} (and {errors.Count - 1} more problem(s))";
        var kind = first.ScimType switch
        {
            ScimErrorTypes.InvalidSyntax => ErrorKind.InvalidSyntax,
            ScimErrorTypes.Mutability => ErrorKind.Mutability,
            _ => ErrorKind.Validation,
        };
        return new Error($"scim.{first.ScimType}", detail, kind);
    }
}
