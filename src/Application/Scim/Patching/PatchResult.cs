using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace ScimClean.Application.Scim.Patching;

/// <summary>
/// Outcome of <see cref="ScimPatchEngine.Apply"/>: the patched resource (a new object) or the first error.
/// On error nothing was applied; the caller keeps the stored resource.
/// </summary>
/// <param name="Resource">The patched, normalized resource; <see langword="null"/> on error.</param>
/// <param name="Error">The error; <see langword="null"/> on success.</param>
/// <param name="Modified">True when the result differs from the input (lets the caller skip a no-op write).</param>
public sealed record PatchResult(JsonObject? Resource, PatchError? Error, bool Modified)
{
    [MemberNotNullWhen(true, nameof(Resource))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static PatchResult Success(JsonObject resource, bool modified) => new(resource, null, modified);

    public static PatchResult Failure(PatchError error) => new(null, error, false);
}
