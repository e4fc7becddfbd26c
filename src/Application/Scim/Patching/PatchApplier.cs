using System.Text.Json.Nodes;
using ScimClean.Application.Scim.Filtering;
using ScimClean.Application.Scim.Resources;
using ScimClean.Application.Scim.Schemas;

namespace ScimClean.Application.Scim.Patching;

/// <summary>
/// Applies operations, one at a time, to a working copy of a resource. Every failure throws
/// <see cref="PatchException"/>; <see cref="ScimPatchEngine"/> turns it into a <see cref="PatchError"/> and discards the copy.
/// Values are written normalized (canonical names, coerced types) so later filters in the same request see them.
/// </summary>
internal sealed class PatchApplier(JsonObject resource, ResourceTypeDefinition resourceType)
{
    private const string SchemasKey = "schemas";

    private readonly IReadOnlyList<string> _knownUrns = SchemaAttributeResolver.KnownUrnsOf(resourceType);

    public void Apply(PatchOperation operation)
    {
        if (operation.Path is null)
        {
            if (operation.Op == PatchOperationType.Remove)
            {
                throw new PatchException(ScimErrorTypes.NoTarget, "A remove operation requires a \"path\".");
            }

            if (operation.Value is not JsonObject members)
            {
                throw new PatchException(ScimErrorTypes.InvalidValue, "An operation without \"path\" requires an object \"value\" whose members are attribute paths.");
            }

            ApplyMembers(operation.Op, null, members);
            return;
        }

        ApplyPath(operation.Op, operation.Path, operation.Value);
    }

    /// <summary>Each member of a path-less value (or of a whole-schema value) is applied as if it were a path.</summary>
    private void ApplyMembers(PatchOperationType op, string? schemaUrn, JsonObject members)
    {
        foreach (var (key, value) in members)
        {
            if (schemaUrn is null && string.Equals(key, SchemasKey, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            ApplyPath(op, schemaUrn is null ? key : $"{schemaUrn}:{key}", value);
        }
    }

    private void ApplyPath(PatchOperationType op, string pathText, JsonNode? value)
    {
        if (AttributePath.TryParseSchemaUrn(pathText, _knownUrns, out var schemaUrn))
        {
            ApplyWholeSchema(op, schemaUrn, value);
            return;
        }

        PatchPath path;
        try
        {
            path = PatchPathParser.Parse(pathText.Trim());
        }
        catch (PatchPathParseException ex)
        {
            throw new PatchException(ScimErrorTypes.InvalidPath, ex.Message);
        }

        var resolution = SchemaAttributeResolver.Resolve(resourceType, path.Attribute.SchemaUrn, path.Attribute.AttributeName);
        if (resolution.IsCustomExtension)
        {
            ApplyCustom(op, resolution.SchemaUrn!, path, value);
            return;
        }

        if (!resolution.IsFound)
        {
            throw new PatchException(ScimErrorTypes.InvalidPath, $"'{pathText}' is not an attribute of a {resourceType.Name}.");
        }

        var attribute = resolution.Attribute!;
        var subName = path.Attribute.SubAttribute ?? path.SubAttribute;
        SchemaAttribute? sub = null;
        if (subName is not null)
        {
            sub = attribute.FindSubAttribute(subName)
                ?? throw new PatchException(ScimErrorTypes.InvalidPath, $"'{attribute.Name}' has no sub-attribute '{subName}'.");
        }

        if (path.ValueFilter is not null && !(attribute.MultiValued && attribute.IsComplex))
        {
            throw new PatchException(ScimErrorTypes.InvalidPath, $"A value filter applies only to multi-valued complex attributes; '{attribute.Name}' is not one.");
        }

        if (attribute.Mutability == Mutability.ReadOnly || sub?.Mutability == Mutability.ReadOnly)
        {
            throw new PatchException(ScimErrorTypes.Mutability, $"'{pathText}' is read-only.");
        }

        var displayPath = DisplayPath(resolution.SchemaUrn!, attribute);
        var clearing = op == PatchOperationType.Remove || ScimResourceNormalizer.IsAbsentValue(value);
        var container = ContainerFor(resolution.SchemaUrn!, create: !clearing);
        if (container is null)
        {
            return;
        }

        if (attribute.MultiValued)
        {
            var target = new MultiValuedTarget(container, attribute, displayPath);
            if (path.ValueFilter is not null)
            {
                target.ApplyFiltered(op, path.ValueFilter, sub, value, clearing);
            }
            else if (sub is not null)
            {
                target.ApplyToAll(sub, value, clearing);
            }
            else
            {
                target.ApplyWhole(op, value, clearing);
            }
        }
        else if (sub is not null)
        {
            ApplySubAttribute(container, attribute, sub, value, clearing, displayPath);
        }
        else
        {
            ApplySingle(container, attribute, value, clearing, displayPath);
        }

        DropIfEmpty(resolution.SchemaUrn!, container);
    }

    private void ApplyWholeSchema(PatchOperationType op, string schemaUrn, JsonNode? value)
    {
        var isCore = string.Equals(schemaUrn, resourceType.Schema, StringComparison.Ordinal);
        if (op == PatchOperationType.Remove || ScimResourceNormalizer.IsAbsentValue(value))
        {
            if (isCore)
            {
                throw new PatchException(ScimErrorTypes.InvalidPath, "The core schema cannot be removed.");
            }

            JsonMembers.Remove(resource, schemaUrn);
            return;
        }

        if (value is not JsonObject members)
        {
            throw new PatchException(ScimErrorTypes.InvalidValue, $"The value for '{schemaUrn}' must be an object.");
        }

        ApplyMembers(op, schemaUrn, members);
    }

    /// <summary>Custom extensions (URNs the catalogue does not know) are stored as sent inside their extension object.</summary>
    private void ApplyCustom(PatchOperationType op, string schemaUrn, PatchPath path, JsonNode? value)
    {
        if (path.ValueFilter is not null)
        {
            throw new PatchException(ScimErrorTypes.InvalidPath, $"Value filters are not supported on custom extension attributes ('{schemaUrn}').");
        }

        var clearing = op == PatchOperationType.Remove || ScimResourceNormalizer.IsAbsentValue(value);
        var key = JsonMembers.FindKey(resource, schemaUrn) ?? schemaUrn;
        if (resource[key] is not JsonObject extension)
        {
            if (clearing)
            {
                return;
            }

            extension = [];
            resource[key] = extension;
        }

        var name = path.Attribute.AttributeName;
        var target = extension;
        if (path.Attribute.SubAttribute is { } subName)
        {
            var parentKey = JsonMembers.FindKey(extension, name) ?? name;
            if (extension[parentKey] is not JsonObject parent)
            {
                if (clearing)
                {
                    return;
                }

                parent = [];
                extension[parentKey] = parent;
            }

            target = parent;
            name = subName;
        }

        var existingKey = JsonMembers.FindKey(target, name);
        if (clearing)
        {
            JsonMembers.Remove(target, name);
        }
        else
        {
            target[existingKey ?? name] = value!.DeepClone();
        }

        if (target != extension && target.Count == 0)
        {
            JsonMembers.Remove(extension, path.Attribute.AttributeName);
        }

        if (extension.Count == 0)
        {
            resource.Remove(key);
        }
    }

    private static void ApplySingle(JsonObject container, SchemaAttribute attribute, JsonNode? value, bool clearing, string displayPath)
    {
        var existing = JsonMembers.Get(container, attribute.Name);
        var normalized = clearing ? null : Normalize(attribute, value, displayPath, element: false);
        if (normalized is JsonObject complex && existing is JsonObject current)
        {
            // RFC 7644 §3.5.2.1/§3.5.2.3: sub-attributes not given are left unchanged.
            var merged = (JsonObject)current.DeepClone();
            foreach (var (key, subValue) in complex)
            {
                JsonMembers.Set(merged, key, subValue?.DeepClone());
            }

            normalized = merged;
        }

        EnsureMutable(attribute, existing, normalized, displayPath);
        if (normalized is null)
        {
            JsonMembers.Remove(container, attribute.Name);
        }
        else
        {
            JsonMembers.Set(container, attribute.Name, normalized);
        }
    }

    private static void ApplySubAttribute(JsonObject container, SchemaAttribute attribute, SchemaAttribute sub, JsonNode? value, bool clearing, string displayPath)
    {
        var parent = JsonMembers.Get(container, attribute.Name) as JsonObject;
        var subPath = $"{displayPath}.{sub.Name}";
        var normalized = clearing ? null : Normalize(sub, value, subPath, element: true);
        EnsureMutable(sub, parent is null ? null : JsonMembers.Get(parent, sub.Name), normalized, subPath);
        if (normalized is null)
        {
            if (parent is not null)
            {
                JsonMembers.Remove(parent, sub.Name);
                if (parent.Count == 0)
                {
                    JsonMembers.Remove(container, attribute.Name);
                }
            }

            return;
        }

        if (parent is null)
        {
            parent = [];
            JsonMembers.Set(container, attribute.Name, parent);
        }

        JsonMembers.Set(parent, sub.Name, normalized);
    }

    internal static JsonNode? Normalize(SchemaAttribute attribute, JsonNode? value, string displayPath, bool element)
    {
        var errors = new List<ScimValueError>();
        var normalized = element
            ? ScimResourceNormalizer.NormalizeElement(attribute, value, displayPath, errors)
            : ScimResourceNormalizer.NormalizeAttributeValue(attribute, value, displayPath, errors);
        if (errors.Count > 0)
        {
            throw new PatchException(errors[0].ScimType, errors[0].Detail);
        }

        return normalized;
    }

    /// <summary>An immutable attribute may be set when absent (or to the same value), never changed or removed.</summary>
    internal static void EnsureMutable(SchemaAttribute attribute, JsonNode? existing, JsonNode? replacement, string displayPath)
    {
        if (attribute.Mutability == Mutability.Immutable && existing is not null && !JsonNode.DeepEquals(existing, replacement))
        {
            throw new PatchException(ScimErrorTypes.Mutability, $"'{displayPath}' is immutable and already has a value.");
        }
    }

    private JsonObject? ContainerFor(string schemaUrn, bool create)
    {
        if (string.Equals(schemaUrn, resourceType.Schema, StringComparison.Ordinal))
        {
            return resource;
        }

        if (JsonMembers.Get(resource, schemaUrn) is JsonObject extension)
        {
            return extension;
        }

        if (!create)
        {
            return null;
        }

        extension = [];
        JsonMembers.Set(resource, schemaUrn, extension);
        return extension;
    }

    private void DropIfEmpty(string schemaUrn, JsonObject container)
    {
        if (container != resource && container.Count == 0)
        {
            JsonMembers.Remove(resource, schemaUrn);
        }
    }

    private string DisplayPath(string schemaUrn, SchemaAttribute attribute) =>
        string.Equals(schemaUrn, resourceType.Schema, StringComparison.Ordinal) ? attribute.Name : $"{schemaUrn}:{attribute.Name}";
}
