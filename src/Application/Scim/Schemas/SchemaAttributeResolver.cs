namespace ScimClean.Application.Scim.Schemas;

/// <summary>
/// Resolves attribute paths of a resource type to their schema definitions, case-insensitively.
/// Un-prefixed names resolve against the common attributes and the core schema first, then the
/// extensions in declaration order (Entra sometimes sends enterprise attributes without their URN).
/// Common attributes (id, externalId, meta) report the core schema URN.
/// </summary>
public static class SchemaAttributeResolver
{
    public static AttributeResolution Resolve(ResourceTypeDefinition resourceType, AttributePath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Resolve(resourceType, path.SchemaUrn, path.AttributeName, path.SubAttribute);
    }

    /// <summary>Resolves path text (lenient, see <see cref="AttributePath.Parse"/>); a bare schema URN is not an attribute.</summary>
    public static AttributeResolution Resolve(ResourceTypeDefinition resourceType, string path)
    {
        var knownUrns = KnownUrnsOf(resourceType);
        return AttributePath.TryParseSchemaUrn(path, knownUrns, out _)
            ? AttributeResolution.NotFound
            : Resolve(resourceType, AttributePath.Parse(path, knownUrns));
    }

    public static AttributeResolution Resolve(
        ResourceTypeDefinition resourceType,
        string? schemaUrn,
        string attributeName,
        string? subAttribute = null)
    {
        if (schemaUrn is null)
        {
            var core = ResolveInSchema(resourceType, resourceType.Schema, attributeName, subAttribute);
            if (core.IsFound)
            {
                return core;
            }

            foreach (var extension in resourceType.SchemaExtensions)
            {
                var resolved = ResolveInSchema(resourceType, extension.Schema, attributeName, subAttribute);
                if (resolved.IsFound)
                {
                    return resolved;
                }
            }

            return AttributeResolution.NotFound;
        }

        if (string.Equals(schemaUrn, resourceType.Schema, StringComparison.OrdinalIgnoreCase))
        {
            return ResolveInSchema(resourceType, resourceType.Schema, attributeName, subAttribute);
        }

        if (resourceType.FindExtensionUrn(schemaUrn) is { } extensionUrn)
        {
            return ResolveInSchema(resourceType, extensionUrn, attributeName, subAttribute);
        }

        // A catalogued schema of another resource type (e.g. the Group URN on a User) is not an extension.
        return ScimSchemas.FindSchema(schemaUrn) is null
            ? AttributeResolution.CustomExtension(schemaUrn)
            : AttributeResolution.NotFound;
    }

    /// <summary>The URN of the schema defining <paramref name="attributeName"/>, or null when it is unknown.</summary>
    public static string? SchemaUrnOf(ResourceTypeDefinition resourceType, string attributeName) =>
        Resolve(resourceType, null, attributeName).SchemaUrn;

    /// <summary>The core URN followed by the extension URNs of a resource type.</summary>
    public static IReadOnlyList<string> KnownUrnsOf(ResourceTypeDefinition resourceType)
    {
        var urns = new List<string>(resourceType.SchemaExtensions.Count + 1) { resourceType.Schema };
        foreach (var extension in resourceType.SchemaExtensions)
        {
            urns.Add(extension.Schema);
        }

        return urns;
    }

    private static AttributeResolution ResolveInSchema(
        ResourceTypeDefinition resourceType,
        string schemaUrn,
        string attributeName,
        string? subAttribute)
    {
        var isCore = string.Equals(schemaUrn, resourceType.Schema, StringComparison.Ordinal);
        var attribute = (isCore ? FindCommon(attributeName) : null)
            ?? ScimSchemas.FindSchema(schemaUrn)?.FindAttribute(attributeName);
        if (attribute is null)
        {
            return AttributeResolution.NotFound;
        }

        if (subAttribute is null)
        {
            return AttributeResolution.Found(schemaUrn, attribute);
        }

        return attribute.FindSubAttribute(subAttribute) is { } sub
            ? AttributeResolution.Found(schemaUrn, sub, attribute)
            : AttributeResolution.NotFound;
    }

    private static SchemaAttribute? FindCommon(string attributeName)
    {
        foreach (var attribute in ScimSchemas.CommonAttributes)
        {
            if (string.Equals(attribute.Name, attributeName, StringComparison.OrdinalIgnoreCase))
            {
                return attribute;
            }
        }

        return null;
    }
}
