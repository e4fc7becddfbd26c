namespace ScimClean.Infrastructure.Persistence.Querying;

/// <summary>How filter values are compared with a column.</summary>
internal enum ColumnComparison
{
    /// <summary>Case-sensitive text (caseExact attributes such as externalId).</summary>
    CaseExact,

    /// <summary>Case-insensitive text on a column holding the value as written: both sides upper-cased in SQL (not index-backed).</summary>
    CaseInsensitive,

    /// <summary>
    /// The column holds the upper-case invariant form (e.g. NormalizedUserName); the filter value is upper-cased in C#
    /// and compared as is, so an index on the column serves <c>eq</c> (and range) comparisons.
    /// </summary>
    Normalized,

    /// <summary>A boolean column; <c>"True"</c>/<c>"False"</c> strings are accepted (Entra sends them).</summary>
    Boolean,

    /// <summary>A UTC date-time column; the filter value must parse as an xsd:dateTime.</summary>
    DateTime,

    /// <summary>A GUID column rendered as the lower-case canonical string (resource ids); case-exact.</summary>
    Guid,
}
