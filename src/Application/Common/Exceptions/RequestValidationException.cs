namespace ScimClean.Application.Common.Exceptions;

/// <summary>
/// Thrown by the validation behaviour when a request is malformed. <see cref="ErrorCode"/> carries the
/// SCIM scimType a validator chose (for instance invalidSyntax); the API maps it to a 400.
/// </summary>
public sealed class RequestValidationException(IReadOnlyList<RequestValidationFailure> failures)
    : Exception(BuildMessage(failures))
{
    public IReadOnlyList<RequestValidationFailure> Failures { get; } = failures;

    public string? ErrorCode => Failures.Select(failure => failure.ErrorCode).FirstOrDefault(code => !string.IsNullOrEmpty(code));

    private static string BuildMessage(IReadOnlyList<RequestValidationFailure> failures) =>
        string.Join("; ", failures.Select(failure => failure.Message));
}
