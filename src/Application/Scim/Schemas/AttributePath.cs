namespace ScimClean.Application.Scim.Schemas;

/// <summary>
/// An attribute path as used in "attributes", filters and PATCH (RFC 7644 §3.10):
/// an optional schema URN, an attribute name and an optional sub-attribute.
/// A path that is just a schema URN (the whole extension) has a null <see cref="AttributeName"/>.
/// </summary>
public sealed record AttributePath(string? SchemaUrn, string? AttributeName, string? SubAttribute)
{
    /// <summary>
    /// Parses "name", "name.sub", "urn:…:User:name.sub" and "urn:…:User".
    /// <paramref name="knownSchemaUrns"/> disambiguates a whole-schema URN from a URN-qualified attribute;
    /// for other URNs the last ':' separates the URN from the attribute name.
    /// </summary>
    public static AttributePath Parse(string path, IEnumerable<string> knownSchemaUrns)
    {
        var trimmed = path.Trim();
        if (!ScimSchemaUrns.IsUrn(trimmed))
        {
            return FromAttributeText(null, trimmed);
        }

        foreach (var urn in knownSchemaUrns)
        {
            if (string.Equals(trimmed, urn, StringComparison.OrdinalIgnoreCase))
            {
                return new AttributePath(urn, null, null);
            }

            if (trimmed.Length > urn.Length + 1
                && trimmed.StartsWith(urn, StringComparison.OrdinalIgnoreCase)
                && trimmed[urn.Length] == ':')
            {
                return FromAttributeText(urn, trimmed[(urn.Length + 1)..]);
            }
        }

        var lastColon = trimmed.LastIndexOf(':');
        return FromAttributeText(trimmed[..lastColon], trimmed[(lastColon + 1)..]);
    }

    private static AttributePath FromAttributeText(string? schemaUrn, string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot < 0
            ? new AttributePath(schemaUrn, text, null)
            : new AttributePath(schemaUrn, text[..dot], text[(dot + 1)..]);
    }
}
