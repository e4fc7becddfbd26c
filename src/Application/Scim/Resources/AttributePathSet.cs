using ScimClean.Application.Scim.Schemas;

namespace ScimClean.Application.Scim.Resources;

/// <summary>
/// A compiled, case-insensitive set of attribute paths from an "attributes" or "excludedAttributes"
/// parameter: whole schemas (by URN), whole attributes, or sub-attributes of an attribute.
/// Paths under URNs the catalogue does not know are kept as raw text and matched against resource keys.
/// </summary>
internal sealed class AttributePathSet
{
    private readonly HashSet<string> _wholeSchemas = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Dictionary<string, HashSet<string>?>> _attributes = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _customPaths = [];

    public static AttributePathSet? Compile(ResourceTypeDefinition resourceType, IReadOnlyCollection<string>? paths)
    {
        if (paths is null || paths.Count == 0)
        {
            return null;
        }

        var set = new AttributePathSet();
        var knownUrns = SchemaAttributeResolver.KnownUrnsOf(resourceType);
        foreach (var text in paths)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (AttributePath.TryParseSchemaUrn(text, knownUrns, out var schemaUrn))
            {
                set._wholeSchemas.Add(schemaUrn);
                continue;
            }

            var resolution = SchemaAttributeResolver.Resolve(resourceType, AttributePath.Parse(text, knownUrns));
            if (resolution.IsCustomExtension)
            {
                set._customPaths.Add(text.Trim());
            }
            else if (resolution.IsFound)
            {
                var attribute = resolution.Parent ?? resolution.Attribute!;
                set.Add(resolution.SchemaUrn!, attribute.Name, resolution.Parent is null ? null : resolution.Attribute!.Name);
            }
        }

        return set;
    }

    public bool ContainsSchema(string urn) => _wholeSchemas.Contains(urn);

    /// <summary>
    /// True when the attribute is selected; <paramref name="subAttributes"/> is null for the whole attribute,
    /// otherwise the selected sub-attribute names.
    /// </summary>
    public bool TryGetAttribute(string urn, string attributeName, out IReadOnlySet<string>? subAttributes)
    {
        subAttributes = null;
        if (_attributes.TryGetValue(urn, out var attributes) && attributes.TryGetValue(attributeName, out var subs))
        {
            subAttributes = subs;
            return true;
        }

        return false;
    }

    /// <summary>Whether any path names <paramref name="key"/> (a custom extension URN) as a whole.</summary>
    public bool ContainsCustomSchema(string key) =>
        _customPaths.Exists(path => string.Equals(path, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>The attribute names selected inside the custom extension object <paramref name="key"/>.</summary>
    public IReadOnlySet<string> CustomAttributesOf(string key)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in _customPaths)
        {
            if (path.Length > key.Length + 1 && path.StartsWith(key, StringComparison.OrdinalIgnoreCase) && path[key.Length] == ':')
            {
                var rest = path[(key.Length + 1)..];
                var dot = rest.IndexOf('.', StringComparison.Ordinal);
                names.Add(dot < 0 ? rest : rest[..dot]);
            }
        }

        return names;
    }

    private void Add(string urn, string attributeName, string? subAttribute)
    {
        if (!_attributes.TryGetValue(urn, out var attributes))
        {
            attributes = new Dictionary<string, HashSet<string>?>(StringComparer.OrdinalIgnoreCase);
            _attributes[urn] = attributes;
        }

        if (subAttribute is null)
        {
            attributes[attributeName] = null;
            return;
        }

        if (!attributes.TryGetValue(attributeName, out var subs))
        {
            attributes[attributeName] = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { subAttribute };
        }
        else
        {
            subs?.Add(subAttribute);
        }
    }
}
