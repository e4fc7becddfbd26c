using System.Diagnostics.CodeAnalysis;

namespace ScimClean.Application.Scim.Filtering;

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
/// The parser knows no schemas: it does not decide that <c>userName</c> and
/// <c>urn:ietf:params:scim:schemas:core:2.0:User:userName</c> are the same attribute; the schema layer does.
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
}
