namespace ScimClean.Application.Scim.Patching;

/// <summary>
/// Why a PATCH request was rejected: <see cref="ScimType"/> is one of
/// <see cref="Resources.ScimErrorTypes"/> (RFC 7644 §3.12), to be returned as a 400 error.
/// </summary>
/// <param name="ScimType">The SCIM error keyword (invalidPath, noTarget, invalidValue, mutability, invalidFilter, invalidSyntax, tooMany).</param>
/// <param name="Detail">A human-readable explanation, naming the failing operation.</param>
public sealed record PatchError(string ScimType, string Detail);
