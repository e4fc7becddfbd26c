using System.Diagnostics.CodeAnalysis;
using ScimClean.Application.Scim.Filtering;

namespace ScimClean.Application.Scim;

/// <summary>
/// A SCIM attribute path: <c>[schemaUrn ":"] attributeName ["." subAttribute]</c>.
/// </summary>
/// <remarks>
/// <para>
/// Casing is kept exactly as written. Record equality (<c>==</c>, <c>Equals</c>) is therefore ordinal and is meant for
/// tests and caching only. SCIM attribute names and schema URNs are case-insensitive: compare paths with
/// <see cref="Matches(AttributePath)"/> / <see cref="Matches(string?, string, string?)"/>, or use
/// <see cref="FullName"/> with <see cref="StringComparer.OrdinalIgnoreCase"/> as a dictionary key.
/// </para>
/// <para>
/// The parsers know no schemas: they do not decide that <c>userName</c> and
/// <c>urn:ietf:params:scim:schemas:core:2.0:User:userName</c> are the same attribute; the schema layer does.
/// Used by the filter and PATCH path parsers, the schema resolver, the normalizer and attribute projection.
/// </para>
/// </remarks>
/// <param name="SchemaUrn">The schema URN prefix (split at the last ':' before the attribute name), or <see langword="null"/>.</param>
/// <param name="AttributeName">The (top-level) attribute name.</param>
/// <param name="SubAttribute">The sub-attribute name after the dot, or <see langword="null"/>.</param>
public sealed record AttributePath(string? SchemaUrn, string AttributeName, string? SubAttribute)
{
    /// <summary>
    /// The canonical textual form, e.g. <c>name.givenName</c> or
    /// <c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value</c>.
    /// </summary>
    public string FullName
    {
        get
        {
            var name = SubAttribute is null ? AttributeName : AttributeName + "." + SubAttribute;
            return SchemaUrn is null ? name : SchemaUrn + ":" + name;
        }
    }

    /// <summary>Case-insensitive SCIM comparison of all three parts (a missing URN only matches a missing URN).</summary>
    public bool Matches(AttributePath other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Matches(other.SchemaUrn, other.AttributeName, other.SubAttribute);
    }

    /// <summary>Case-insensitive SCIM comparison of all three parts (a missing URN only matches a missing URN).</summary>
    public bool Matches(string? schemaUrn, string attributeName, string? subAttribute = null) =>
        string.Equals(SchemaUrn, schemaUrn, StringComparison.OrdinalIgnoreCase)
        && string.Equals(AttributeName, attributeName, StringComparison.OrdinalIgnoreCase)
        && string.Equals(SubAttribute, subAttribute, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Parses a plain attribute path (as used by <c>sortBy</c>, <c>attributes</c>, <c>excludedAttributes</c>).
    /// Never throws for malformed input.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out AttributePath? path)
    {
        path = null;
        if (text is null)
        {
            return false;
        }

        try
        {
            path = new FilterReader(text, FilterParserOptions.Default).ParseAttributePathToEnd();
            return true;
        }
        catch (FilterParseException)
        {
            return false;
        }
    }

    /// <summary>
    /// Lenient parse of a path as it appears in <c>attributes=</c> lists and as a resource key:
    /// <c>name</c>, <c>name.sub</c>, <c>urn:…:name[.sub]</c>. A URN in <paramref name="knownSchemaUrns"/> that prefixes the
    /// text is used as the schema URN (canonical spelling); for other URNs the last ':' separates URN and attribute.
    /// Never throws. Check <see cref="TryParseSchemaUrn"/> first when the text may be a bare schema URN.
    /// </summary>
    public static AttributePath Parse(string text, IEnumerable<string> knownSchemaUrns)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(knownSchemaUrns);
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("urn:", StringComparison.OrdinalIgnoreCase))
        {
            return FromAttributeText(null, trimmed);
        }

        foreach (var urn in knownSchemaUrns)
        {
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

    /// <summary>
    /// True when <paramref name="text"/> is exactly one of <paramref name="knownSchemaUrns"/> (ignoring case and
    /// surrounding blanks), e.g. <c>attributes=urn:ietf:params:scim:schemas:extension:enterprise:2.0:User</c>;
    /// <paramref name="schemaUrn"/> is then the canonical spelling.
    /// </summary>
    public static bool TryParseSchemaUrn(string text, IEnumerable<string> knownSchemaUrns, [NotNullWhen(true)] out string? schemaUrn)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(knownSchemaUrns);
        var trimmed = text.Trim();
        foreach (var urn in knownSchemaUrns)
        {
            if (string.Equals(trimmed, urn, StringComparison.OrdinalIgnoreCase))
            {
                schemaUrn = urn;
                return true;
            }
        }

        schemaUrn = null;
        return false;
    }

    private static AttributePath FromAttributeText(string? schemaUrn, string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot < 0
            ? new AttributePath(schemaUrn, text, null)
            : new AttributePath(schemaUrn, text[..dot], text[(dot + 1)..]);
    }
}
