using System.Text.Json.Nodes;

namespace ScimClean.Application.Scim.Resources;

/// <summary>Either the canonical resource or the errors that prevented producing it.</summary>
public sealed record NormalizationResult(JsonObject? Resource, IReadOnlyList<ScimValueError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    public static NormalizationResult Success(JsonObject resource) => new(resource, []);

    public static NormalizationResult Failure(IReadOnlyList<ScimValueError> errors) => new(null, errors);
}
