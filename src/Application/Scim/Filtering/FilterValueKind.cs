using System.Diagnostics.CodeAnalysis;

namespace ScimClean.Application.Scim.Filtering;

/// <summary>The JSON type of a comparison value as written in the filter.</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The members name JSON types.")]
public enum FilterValueKind
{
    /// <summary>A JSON string. Dates and Entra's quoted booleans (<c>"True"</c>) are strings at this level.</summary>
    String,

    /// <summary>The JSON literals <c>true</c> / <c>false</c> (keywords are case-insensitive).</summary>
    Boolean,

    /// <summary>A JSON number (integer or decimal).</summary>
    Number,

    /// <summary>The JSON literal <c>null</c>.</summary>
    Null,
}
