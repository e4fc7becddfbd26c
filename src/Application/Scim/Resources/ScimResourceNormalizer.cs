using System.Text.Json;
using System.Text.Json.Nodes;
using ScimClean.Application.Scim.Schemas;

namespace ScimClean.Application.Scim.Resources;

/// <summary>
/// Turns a client-sent User or Group body into its canonical form, tolerating Entra ID's quirks:
/// attribute names get their schema spelling; URN-qualified top-level keys and un-prefixed extension
/// attributes move into their extension object; "True"/"false" strings become booleans; a plain-string
/// enterprise manager becomes <c>{"value": …}</c>; null, "" and [] clear an attribute; read-only
/// attributes (id, meta, groups, …) and unknown core attributes are dropped; custom or unknown
/// <c>urn:</c> keys are kept as sent; the <c>schemas</c> array is rebuilt from what is present.
/// The input is not modified. The write-only password is kept: callers hash and strip it.
/// </summary>
public static class ScimResourceNormalizer
{
    private const string SchemasKey = "schemas";
    private const string PrimaryKey = "primary";
    private const string ValueKey = "value";

    public static NormalizationResult Normalize(JsonObject input, ResourceTypeDefinition resourceType)
    {
        var errors = new List<ScimValueError>();
        var output = new JsonObject { [SchemasKey] = null };
        var extensions = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var passThrough = new List<KeyValuePair<string, JsonNode?>>();
        var knownUrns = SchemaAttributeResolver.KnownUrnsOf(resourceType);

        foreach (var (key, value) in input)
        {
            if (string.Equals(key, SchemasKey, StringComparison.OrdinalIgnoreCase))
            {
                CheckSchemasSyntax(value, errors);
            }
            else if (ScimSchemaUrns.IsUrn(key))
            {
                if (AttributePath.TryParseSchemaUrn(key, knownUrns, out var schemaUrn))
                {
                    NormalizeSchemaObject(schemaUrn, value, resourceType, output, extensions, errors);
                    continue;
                }

                var resolution = SchemaAttributeResolver.Resolve(resourceType, AttributePath.Parse(key, knownUrns));
                if (resolution.IsFound)
                {
                    var target = TargetFor(resolution.SchemaUrn!, resourceType, output, extensions);
                    var attribute = resolution.Parent ?? resolution.Attribute!;
                    var subAttribute = resolution.Parent is null ? null : resolution.Attribute;
                    WriteAttribute(target, attribute, subAttribute, value, PathOf(resourceType, resolution.SchemaUrn!, attribute), errors);
                }
                else if (resolution.IsCustomExtension && value is not null)
                {
                    passThrough.Add(new(key, value.DeepClone()));
                }
            }
            else
            {
                var resolution = SchemaAttributeResolver.Resolve(resourceType, null, key);
                if (resolution.IsFound)
                {
                    var target = TargetFor(resolution.SchemaUrn!, resourceType, output, extensions);
                    WriteAttribute(target, resolution.Attribute!, null, value, PathOf(resourceType, resolution.SchemaUrn!, resolution.Attribute!), errors);
                }
            }
        }

        var schemas = new JsonArray(resourceType.Schema);
        foreach (var extension in resourceType.SchemaExtensions)
        {
            if (extensions.TryGetValue(extension.Schema, out var extensionObject) && extensionObject.Count > 0)
            {
                output[extension.Schema] = extensionObject;
                schemas.Add(extension.Schema);
            }
        }

        foreach (var (key, value) in passThrough)
        {
            output[key] = value;
            if (value is JsonObject)
            {
                schemas.Add(key);
            }
        }

        output[SchemasKey] = schemas;
        errors.AddRange(ValidatePrimary(output, resourceType));
        return errors.Count == 0 ? NormalizationResult.Success(output) : NormalizationResult.Failure(errors);
    }

    /// <summary>
    /// Checks that no multi-valued attribute of a canonical resource has more than one <c>"primary": true</c>
    /// value (RFC 7643 §2.4). Usable on its own after a PATCH has been applied.
    /// </summary>
    public static IReadOnlyList<ScimValueError> ValidatePrimary(JsonObject resource, ResourceTypeDefinition resourceType)
    {
        var errors = new List<ScimValueError>();
        CheckPrimary(resource, ScimSchemas.CoreSchemaOf(resourceType), resourceType, errors);
        foreach (var extension in ScimSchemas.ExtensionSchemasOf(resourceType))
        {
            if (resource[extension.Id] is JsonObject extensionObject)
            {
                CheckPrimary(extensionObject, extension, resourceType, errors);
            }
        }

        return errors;
    }

    /// <summary>
    /// Normalizes a whole attribute value the way <see cref="Normalize"/> does (arrays for multi-valued attributes,
    /// a plain string for a complex attribute with a <c>value</c> sub-attribute, coercion, read-only sub-attributes dropped).
    /// Null means "no value". Shared with the PATCH engine so there is one copy of these rules.
    /// </summary>
    internal static JsonNode? NormalizeAttributeValue(SchemaAttribute attribute, JsonNode? value, string path, List<ScimValueError> errors) =>
        attribute.MultiValued
            ? NormalizeMultiValued(attribute, value, path, errors)
            : NormalizeSingle(attribute, value, path, errors, allowPlainValue: true);

    /// <summary>Normalizes one element of a multi-valued attribute, or one simple sub-attribute value.</summary>
    internal static JsonNode? NormalizeElement(SchemaAttribute attribute, JsonNode? value, string path, List<ScimValueError> errors) =>
        NormalizeSingle(attribute, value, path, errors, allowPlainValue: false);

    /// <summary>True for JSON null, a missing value and "" (all mean "clear the attribute").</summary>
    internal static bool IsAbsentValue(JsonNode? value) => IsAbsent(value);

    private static void CheckPrimary(JsonObject container, ScimSchema schema, ResourceTypeDefinition resourceType, List<ScimValueError> errors)
    {
        foreach (var attribute in schema.Attributes)
        {
            if (!attribute.MultiValued || attribute.FindSubAttribute(PrimaryKey) is null || container[attribute.Name] is not JsonArray values)
            {
                continue;
            }

            var primaries = values.Count(v => v is JsonObject item && item[PrimaryKey] is JsonValue flag && flag.GetValueKind() == JsonValueKind.True);
            if (primaries > 1)
            {
                errors.Add(new ScimValueError(
                    ScimErrorTypes.InvalidValue,
                    PathOf(resourceType, schema.Id, attribute),
                    $"At most one value of '{attribute.Name}' may have \"primary\": true; {primaries} do."));
            }
        }
    }

    private static void CheckSchemasSyntax(JsonNode? value, List<ScimValueError> errors)
    {
        if (value is null)
        {
            return;
        }

        if (value is not JsonArray array || array.Any(item => item is not JsonValue element || element.GetValueKind() != JsonValueKind.String))
        {
            errors.Add(new ScimValueError(ScimErrorTypes.InvalidSyntax, SchemasKey, "\"schemas\" must be an array of schema URN strings."));
        }
    }

    private static void NormalizeSchemaObject(
        string urn,
        JsonNode? value,
        ResourceTypeDefinition resourceType,
        JsonObject output,
        Dictionary<string, JsonObject> extensions,
        List<ScimValueError> errors)
    {
        if (value is null)
        {
            return;
        }

        if (value is not JsonObject schemaObject)
        {
            errors.Add(new ScimValueError(ScimErrorTypes.InvalidSyntax, urn, $"The value of '{urn}' must be an object."));
            return;
        }

        var target = TargetFor(urn, resourceType, output, extensions);
        foreach (var (key, attributeValue) in schemaObject)
        {
            var resolution = SchemaAttributeResolver.Resolve(resourceType, urn, key);
            if (resolution.IsFound)
            {
                WriteAttribute(target, resolution.Attribute!, null, attributeValue, PathOf(resourceType, urn, resolution.Attribute!), errors);
            }
        }
    }

    private static JsonObject TargetFor(string urn, ResourceTypeDefinition resourceType, JsonObject output, Dictionary<string, JsonObject> extensions)
    {
        if (string.Equals(urn, resourceType.Schema, StringComparison.OrdinalIgnoreCase))
        {
            return output;
        }

        if (!extensions.TryGetValue(urn, out var extensionObject))
        {
            extensionObject = [];
            extensions[urn] = extensionObject;
        }

        return extensionObject;
    }

    /// <summary>Writes one attribute (or one sub-attribute of a single-valued complex attribute) into <paramref name="target"/>.</summary>
    private static void WriteAttribute(
        JsonObject target,
        SchemaAttribute attribute,
        SchemaAttribute? subAttribute,
        JsonNode? value,
        string path,
        List<ScimValueError> errors)
    {
        if (attribute.Mutability == Mutability.ReadOnly || subAttribute?.Mutability == Mutability.ReadOnly)
        {
            return;
        }

        if (subAttribute is not null)
        {
            if (attribute.MultiValued)
            {
                return;
            }

            var partial = NormalizeComplex(attribute, new JsonObject { [subAttribute.Name] = value?.DeepClone() }, path, errors);
            if (target[attribute.Name] is JsonObject existing)
            {
                existing.Remove(subAttribute.Name);
                if (partial?[subAttribute.Name] is { } subValue)
                {
                    existing[subAttribute.Name] = subValue.DeepClone();
                }
            }
            else if (partial is not null)
            {
                target[attribute.Name] = partial;
            }

            return;
        }

        var normalized = attribute.MultiValued
            ? NormalizeMultiValued(attribute, value, path, errors)
            : NormalizeSingle(attribute, value, path, errors, allowPlainValue: true);
        if (normalized is null)
        {
            target.Remove(attribute.Name);
        }
        else
        {
            target[attribute.Name] = normalized;
        }
    }

    private static JsonNode? NormalizeMultiValued(SchemaAttribute attribute, JsonNode? value, string path, List<ScimValueError> errors)
    {
        if (value is JsonArray array)
        {
            var items = new JsonArray();
            foreach (var item in array)
            {
                if (NormalizeSingle(attribute, item, path, errors, allowPlainValue: false) is { } normalized)
                {
                    items.Add(normalized);
                }
            }

            return items.Count == 0 ? null : items;
        }

        if (IsAbsent(value))
        {
            return null;
        }

        if (attribute.IsComplex && value is not JsonObject)
        {
            errors.Add(new ScimValueError(ScimErrorTypes.InvalidValue, path, $"'{path}' must be an array of objects."));
            return null;
        }

        // Lenient: a single value where an array is expected is wrapped.
        return NormalizeSingle(attribute, value, path, errors, allowPlainValue: false) is { } single ? new JsonArray(single) : null;
    }

    private static JsonNode? NormalizeSingle(SchemaAttribute attribute, JsonNode? value, string path, List<ScimValueError> errors, bool allowPlainValue)
    {
        if (attribute.IsComplex)
        {
            return NormalizeComplex(attribute, value, path, errors, allowPlainValue);
        }

        var coerced = ScimValueCoercion.Coerce(attribute.Type, value);
        if (!coerced.IsValid)
        {
            errors.Add(new ScimValueError(
                ScimErrorTypes.InvalidValue,
                path,
                $"'{path}' must be a {attribute.Type.ToScimName()} value."));
        }

        return coerced.Value;
    }

    private static JsonObject? NormalizeComplex(SchemaAttribute attribute, JsonNode? value, string path, List<ScimValueError> errors, bool allowPlainValue = false)
    {
        if (IsAbsent(value))
        {
            return null;
        }

        // Entra sends the enterprise manager as a plain string id: {"manager": "id"} means {"manager": {"value": "id"}}.
        if (value is JsonValue plain && allowPlainValue && attribute.FindSubAttribute(ValueKey) is not null)
        {
            value = new JsonObject { [ValueKey] = plain.DeepClone() };
        }

        if (value is not JsonObject complex)
        {
            errors.Add(new ScimValueError(ScimErrorTypes.InvalidValue, path, $"'{path}' must be an object."));
            return null;
        }

        var result = new JsonObject();
        foreach (var (key, subValue) in complex)
        {
            var subAttribute = attribute.FindSubAttribute(key);
            if (subAttribute is null || subAttribute.Mutability == Mutability.ReadOnly)
            {
                continue;
            }

            var normalized = NormalizeSingle(subAttribute, subValue, $"{path}.{subAttribute.Name}", errors, allowPlainValue: false);
            if (normalized is null)
            {
                result.Remove(subAttribute.Name);
            }
            else
            {
                result[subAttribute.Name] = normalized;
            }
        }

        return result.Count == 0 ? null : result;
    }

    private static bool IsAbsent(JsonNode? value) =>
        value is null
        || (value is JsonValue scalar
            && (scalar.GetValueKind() == JsonValueKind.Null
                || (scalar.GetValueKind() == JsonValueKind.String && scalar.GetValue<string>().Length == 0)));

    private static string PathOf(ResourceTypeDefinition resourceType, string schemaUrn, SchemaAttribute attribute) =>
        string.Equals(schemaUrn, resourceType.Schema, StringComparison.Ordinal) ? attribute.Name : $"{schemaUrn}:{attribute.Name}";
}
