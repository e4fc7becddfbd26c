using System.Text.Json.Nodes;
using ScimClean.Application.Scim.Resources;
using ScimClean.Application.Scim.Schemas;

namespace ScimClean.Application.Scim.Patching;

/// <summary>
/// Applies SCIM PATCH operations (RFC 7644 §3.5.2) to a canonical User or Group, tolerating Entra ID's dialects
/// (with and without <c>aadOptscim062020</c>). Pure: the input is never modified.
/// </summary>
/// <remarks>
/// Atomic: operations run in order on a copy; the first failure is returned and nothing is applied. The result is
/// run through <see cref="ScimResourceNormalizer.Normalize"/> (canonical names, types, extension placement,
/// <c>schemas</c> rebuilt from the extension objects present, at most one primary per attribute: an operation that
/// makes a value primary demotes the former primary, as §3.5.2 requires); read-only
/// top-level attributes of the input (<c>id</c>, <c>meta</c>, <c>groups</c>) are carried over unchanged.
/// Deliberate deviations from a literal RFC reading, for Entra:
/// <list type="bullet">
/// <item>remove with a <c>value</c> array on a multi-valued attribute removes only the listed elements (by <c>value</c>);</item>
/// <item>remove of an absent attribute, or with a filter matching nothing, is a no-op (not <c>noTarget</c>);</item>
/// <item>add/replace on a filtered path matching nothing creates the element, seeded from the filter's <c>eq</c> terms;</item>
/// <item>add/replace with <c>null</c> or <c>""</c> clears the attribute;</item>
/// <item>a filtered remove of <c>…].value</c> drops the element once only <c>type</c>/<c>primary</c> remain.</item>
/// </list>
/// </remarks>
public static class ScimPatchEngine
{
    private const string SchemasKey = "schemas";

    public static PatchResult Apply(JsonObject resource, IReadOnlyList<PatchOperation> operations, ResourceTypeDefinition resourceType)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(resourceType);

        var working = (JsonObject)resource.DeepClone();
        var applier = new PatchApplier(working, resourceType);
        for (var index = 0; index < operations.Count; index++)
        {
            try
            {
                var primaries = PrimaryValues.Snapshot(working);
                applier.Apply(operations[index]);
                primaries.DemoteFormerPrimaries(working);
            }
            catch (PatchException ex)
            {
                return PatchResult.Failure(new PatchError(ex.ScimType, $"Operation {index} ({Describe(operations[index])}): {ex.Message}"));
            }
        }

        var normalized = ScimResourceNormalizer.Normalize(working, resourceType);
        if (!normalized.IsValid)
        {
            var first = normalized.Errors[0];
            return PatchResult.Failure(new PatchError(first.ScimType, first.Detail));
        }

        var result = normalized.Resource!;
        CarryOverReadOnly(working, result, resourceType);
        return PatchResult.Success(result, !JsonNode.DeepEquals(resource, result));
    }

    /// <summary>The normalizer drops read-only attributes from client bodies; a patched resource keeps its own.</summary>
    private static void CarryOverReadOnly(JsonObject source, JsonObject target, ResourceTypeDefinition resourceType)
    {
        foreach (var (key, value) in source)
        {
            if (value is null || string.Equals(key, SchemasKey, StringComparison.OrdinalIgnoreCase) || ScimSchemaUrns.IsUrn(key))
            {
                continue;
            }

            var resolution = SchemaAttributeResolver.Resolve(resourceType, null, key);
            if (resolution.IsCommonOrCore(resourceType) && resolution.Attribute!.Mutability == Mutability.ReadOnly)
            {
                target[resolution.Attribute.Name] = value.DeepClone();
            }
        }
    }

    private static string Describe(PatchOperation operation) =>
        operation.Path is null ? operation.Op.ToString().ToLowerInvariant() : $"{operation.Op.ToString().ToLowerInvariant()} {operation.Path}";
}
