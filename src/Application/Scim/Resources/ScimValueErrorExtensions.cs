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
        return new Error($"scim.{first.ScimType}", detail, KindOf(first.ScimType));
    }

    /// <summary>The error kind that stands for a scimType, so the API maps it back to the same status and scimType.</summary>
    public static ErrorKind KindOf(string scimType) => scimType switch
    {
        ScimErrorTypes.InvalidSyntax => ErrorKind.InvalidSyntax,
        ScimErrorTypes.Mutability => ErrorKind.Mutability,
        ScimErrorTypes.InvalidPath => ErrorKind.InvalidPath,
        ScimErrorTypes.NoTarget => ErrorKind.NoTarget,
        ScimErrorTypes.InvalidFilter => ErrorKind.InvalidFilter,
        ScimErrorTypes.TooMany => ErrorKind.TooMany,
        _ => ErrorKind.Validation,
    };
}
