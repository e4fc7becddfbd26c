using System.Text.Json.Nodes;
using ScimClean.Application.Scim.Schemas;

namespace ScimClean.Application.Scim.Resources;

/// <summary>
/// Applies the "attributes" / "excludedAttributes" parameters (RFC 7644 §3.4.2.5, §3.9) to canonical resources.
/// Compile once per request with <see cref="Create"/> and call <see cref="Apply(JsonObject)"/> per resource.
/// <c>schemas</c> and <c>returned: always</c> attributes (id) are always kept; <c>returned: never</c>
/// attributes (password) never appear; <c>returned: request</c> attributes appear only when requested.
/// Names and URNs match case-insensitively. The input resource is not modified; with neither list given and nothing in
/// it to withhold or drop, it is itself the result (no copy), which is the common case of a GET or a list page.
/// </summary>
public sealed class AttributeProjection
{
    private const string SchemasKey = "schemas";

    private readonly ResourceTypeDefinition _resourceType;
    private readonly ScimSchema _coreSchema;
    private readonly AttributePathSet? _included;
    private readonly AttributePathSet? _excluded;

    private AttributeProjection(ResourceTypeDefinition resourceType, AttributePathSet? included, AttributePathSet? excluded)
    {
        _resourceType = resourceType;
        _coreSchema = ScimSchemas.CoreSchemaOf(resourceType);
        _included = included;
        _excluded = excluded;
    }

    public static AttributeProjection Create(
        ResourceTypeDefinition resourceType,
        IReadOnlyCollection<string>? attributes,
        IReadOnlyCollection<string>? excludedAttributes) =>
        new(resourceType, AttributePathSet.Compile(resourceType, attributes), AttributePathSet.Compile(resourceType, excludedAttributes));

    public static JsonObject Apply(
        JsonObject resource,
        ResourceTypeDefinition resourceType,
        IReadOnlyCollection<string>? attributes,
        IReadOnlyCollection<string>? excludedAttributes) =>
        Create(resourceType, attributes, excludedAttributes).Apply(resource);

    public JsonObject Apply(JsonObject resource) =>
        _included is null && _excluded is null && KeepsEverything(resource) ? resource : ApplyByCopy(resource);

    /// <summary>The projection as a new tree, whatever the lists (what <see cref="Apply(JsonObject)"/> falls back to).</summary>
    internal JsonObject ApplyByCopy(JsonObject resource)
    {
        var result = new JsonObject();
        foreach (var (key, value) in resource)
        {
            var projected = ProjectProperty(key, value);
            if (projected is not null)
            {
                result[key] = projected;
            }
        }

        return result;
    }

    private JsonNode? ProjectProperty(string key, JsonNode? value)
    {
        if (value is null)
        {
            return null;
        }

        if (string.Equals(key, SchemasKey, StringComparison.OrdinalIgnoreCase))
        {
            return value.DeepClone();
        }

        if (ScimSchemaUrns.IsUrn(key))
        {
            return _resourceType.FindExtensionUrn(key) is { } urn && ScimSchemas.FindSchema(urn) is { } extension
                ? ProjectExtension(extension, value)
                : ProjectCustomExtension(key, value);
        }

        var attribute = FindCoreAttribute(key);
        if (attribute is null)
        {
            // Not in the schema: nothing can request it, so it only survives when no "attributes" list is given.
            return _included is null ? value.DeepClone() : null;
        }

        return ProjectAttribute(_resourceType.Schema, attribute, value);
    }

    private JsonObject? ProjectExtension(ScimSchema extension, JsonNode value)
    {
        if (value is not JsonObject extensionObject)
        {
            return null;
        }

        if (_excluded?.ContainsSchema(extension.Id) == true)
        {
            return null;
        }

        var result = new JsonObject();
        foreach (var (key, attributeValue) in extensionObject)
        {
            if (attributeValue is null)
            {
                continue;
            }

            var attribute = extension.FindAttribute(key);
            var projected = attribute is null
                ? (_included is null || _included.ContainsSchema(extension.Id) ? attributeValue.DeepClone() : null)
                : ProjectAttribute(extension.Id, attribute, attributeValue);
            if (projected is not null)
            {
                result[key] = projected;
            }
        }

        return result.Count == 0 ? null : result;
    }

    private JsonNode? ProjectCustomExtension(string key, JsonNode value)
    {
        if (_excluded?.ContainsCustomSchema(key) == true)
        {
            return null;
        }

        JsonNode? result;
        if (_included is null || _included.ContainsCustomSchema(key))
        {
            result = value.DeepClone();
        }
        else
        {
            var requested = _included.CustomAttributesOf(key);
            result = requested.Count > 0 && value is JsonObject custom ? Keep(custom, requested) : null;
        }

        if (result is JsonObject resultObject && _excluded is not null)
        {
            foreach (var name in _excluded.CustomAttributesOf(key))
            {
                RemoveIgnoringCase(resultObject, name);
            }
        }

        return result;
    }

    private JsonNode? ProjectAttribute(string urn, SchemaAttribute attribute, JsonNode value)
    {
        if (attribute.Returned == Returned.Never)
        {
            return null;
        }

        var always = attribute.Returned == Returned.Always;
        IReadOnlySet<string>? includedSubs = null;
        if (_included is not null && !always && !_included.ContainsSchema(urn)
            && !_included.TryGetAttribute(urn, attribute.Name, out includedSubs))
        {
            return null;
        }

        if (_included is null && attribute.Returned == Returned.Request)
        {
            return null;
        }

        IReadOnlySet<string>? excludedSubs = null;
        if (!always && _excluded is not null && _excluded.TryGetAttribute(urn, attribute.Name, out excludedSubs) && excludedSubs is null)
        {
            return null;
        }

        return attribute.SubAttributes.Count == 0
            ? value.DeepClone()
            : ProjectSubAttributes(attribute, value, always ? null : includedSubs, always ? null : excludedSubs);
    }

    private static JsonNode? ProjectSubAttributes(SchemaAttribute attribute, JsonNode value, IReadOnlySet<string>? included, IReadOnlySet<string>? excluded)
    {
        switch (value)
        {
            case JsonObject complex:
                return ProjectComplex(attribute, complex, included, excluded);
            case JsonArray values:
                var result = new JsonArray();
                foreach (var item in values)
                {
                    var projected = item is JsonObject itemObject
                        ? ProjectComplex(attribute, itemObject, included, excluded)
                        : item?.DeepClone();
                    if (projected is not null)
                    {
                        result.Add(projected);
                    }
                }

                return result.Count == 0 ? null : result;
            default:
                return value.DeepClone();
        }
    }

    private static JsonObject? ProjectComplex(SchemaAttribute attribute, JsonObject complex, IReadOnlySet<string>? included, IReadOnlySet<string>? excluded)
    {
        var result = new JsonObject();
        foreach (var (key, subValue) in complex)
        {
            var subAttribute = attribute.FindSubAttribute(key);
            var name = subAttribute?.Name ?? key;
            var alwaysReturned = subAttribute?.Returned == Returned.Always;
            if (subValue is null
                || subAttribute?.Returned == Returned.Never
                || (!alwaysReturned && included is not null && !included.Contains(name))
                || (!alwaysReturned && included is null && subAttribute?.Returned == Returned.Request)
                || (!alwaysReturned && excluded is not null && excluded.Contains(name)))
            {
                continue;
            }

            result[key] = subValue.DeepClone();
        }

        return result.Count == 0 ? null : result;
    }

    private static JsonObject Keep(JsonObject source, IReadOnlySet<string> names)
    {
        var result = new JsonObject();
        foreach (var (key, value) in source)
        {
            if (names.Contains(key))
            {
                result[key] = value?.DeepClone();
            }
        }

        return result;
    }

    private static void RemoveIgnoringCase(JsonObject target, string name)
    {
        var keys = target.Select(p => p.Key).Where(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var key in keys)
        {
            target.Remove(key);
        }
    }

    /// <summary>
    /// Whether the copy <see cref="Apply(JsonObject)"/> makes without lists would equal the resource: no null, no empty
    /// complex or multi-valued attribute or extension, nothing "returned: never" or "returned: request", and no extension
    /// whose value is not an object. Mirrors the rules below, walking the tree without copying it.
    /// </summary>
    private bool KeepsEverything(JsonObject resource)
    {
        foreach (var (key, value) in resource)
        {
            if (value is null)
            {
                return false;
            }

            if (string.Equals(key, SchemasKey, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (ScimSchemaUrns.IsUrn(key))
            {
                if (_resourceType.FindExtensionUrn(key) is { } urn && ScimSchemas.FindSchema(urn) is { } extension
                    && !ExtensionKeepsEverything(extension, value))
                {
                    return false;
                }

                continue;
            }

            if (FindCoreAttribute(key) is { } attribute && !AttributeKeepsEverything(attribute, value))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ExtensionKeepsEverything(ScimSchema extension, JsonNode value)
    {
        if (value is not JsonObject { Count: > 0 } extensionObject)
        {
            return false;
        }

        foreach (var (key, attributeValue) in extensionObject)
        {
            if (attributeValue is null
                || (extension.FindAttribute(key) is { } attribute && !AttributeKeepsEverything(attribute, attributeValue)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AttributeKeepsEverything(SchemaAttribute attribute, JsonNode value)
    {
        if (attribute.Returned is Returned.Never or Returned.Request)
        {
            return false;
        }

        if (attribute.SubAttributes.Count == 0)
        {
            return true;
        }

        return value switch
        {
            JsonObject complex => ComplexKeepsEverything(attribute, complex),
            JsonArray { Count: > 0 } values => values.All(item =>
                item is JsonObject itemObject ? ComplexKeepsEverything(attribute, itemObject) : item is not null),
            JsonArray => false,
            _ => true,
        };
    }

    private static bool ComplexKeepsEverything(SchemaAttribute attribute, JsonObject complex)
    {
        if (complex.Count == 0)
        {
            return false;
        }

        foreach (var (key, subValue) in complex)
        {
            var returned = attribute.FindSubAttribute(key)?.Returned;
            if (subValue is null || returned is Returned.Never or Returned.Request)
            {
                return false;
            }
        }

        return true;
    }

    private SchemaAttribute? FindCoreAttribute(string name)
    {
        for (var index = 0; index < ScimSchemas.CommonAttributes.Count; index++)
        {
            var attribute = ScimSchemas.CommonAttributes[index];
            if (string.Equals(attribute.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return attribute;
            }
        }

        return _coreSchema.FindAttribute(name);
    }
}
