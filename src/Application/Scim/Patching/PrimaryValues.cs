using System.Text.Json.Nodes;
using ScimClean.Application.Scim.Schemas;

namespace ScimClean.Application.Scim.Patching;

/// <summary>
/// RFC 7644 §3.5.2: an operation that makes a value of a multi-valued attribute primary makes every other value of
/// that attribute non-primary. Snapshot the primaries before an operation, then demote the ones that were already
/// primary wherever the operation left more than one.
/// </summary>
internal sealed class PrimaryValues
{
    private const string PrimaryKey = "primary";

    private readonly Dictionary<string, List<JsonNode>> _before;

    private PrimaryValues(Dictionary<string, List<JsonNode>> before) => _before = before;

    public static PrimaryValues Snapshot(JsonObject resource)
    {
        var before = new Dictionary<string, List<JsonNode>>(StringComparer.Ordinal);
        foreach (var (key, values) in MultiValuedAttributes(resource))
        {
            before[key] = Primaries(values).Select(element => element.DeepClone()).ToList();
        }

        return new PrimaryValues(before);
    }

    /// <summary>Sets <c>"primary": false</c> on values that were primary before, where there are now several primaries.</summary>
    public void DemoteFormerPrimaries(JsonObject resource)
    {
        foreach (var (key, values) in MultiValuedAttributes(resource))
        {
            var primaries = Primaries(values).ToList();
            if (primaries.Count < 2 || !_before.TryGetValue(key, out var former) || former.Count == 0)
            {
                continue;
            }

            var demoted = primaries.Where(element => former.Any(old => JsonNode.DeepEquals(old, element))).ToList();
            if (demoted.Count < primaries.Count)
            {
                foreach (var element in demoted)
                {
                    element[PrimaryKey] = false;
                }
            }
        }
    }

    private static IEnumerable<(string Key, JsonArray Values)> MultiValuedAttributes(JsonObject resource)
    {
        foreach (var (key, value) in resource)
        {
            if (value is JsonArray values)
            {
                yield return (key, values);
            }
            else if (value is JsonObject extension && ScimSchemaUrns.IsUrn(key))
            {
                foreach (var (name, extensionValue) in extension)
                {
                    if (extensionValue is JsonArray extensionValues)
                    {
                        yield return ($"{key}:{name}", extensionValues);
                    }
                }
            }
        }
    }

    private static IEnumerable<JsonObject> Primaries(JsonArray values) =>
        values.OfType<JsonObject>().Where(element => element.Any(member =>
            string.Equals(member.Key, PrimaryKey, StringComparison.OrdinalIgnoreCase)
            && member.Value is JsonValue flag
            && flag.TryGetValue<bool>(out var isPrimary)
            && isPrimary));
}
