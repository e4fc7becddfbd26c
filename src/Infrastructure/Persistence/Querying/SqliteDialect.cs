using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using ScimClean.Application.Scim.Querying;

namespace ScimClean.Infrastructure.Persistence.Querying;

/// <summary>
/// SQLite: JSON1 functions (<c>json_extract</c>, <c>json_type</c>, <c>json_each</c>), <c>GLOB</c> for case-sensitive
/// patterns, and parameter values in EF Core's SQLite storage formats (GUIDs as upper-case text, date-times as
/// <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c> text). Note: SQLite's <c>upper()</c> folds ASCII letters only, so
/// case-insensitive comparisons on JSON values ignore case for ASCII only; promoted and side-table columns are
/// normalized in C# and fold all of Unicode.
/// </summary>
internal sealed class SqliteDialect : SqlDialect
{
    public static SqliteDialect Instance { get; } = new();

    private SqliteDialect()
    {
    }

    public override DbParameter CreateParameter(string name, object? value) => new SqliteParameter(name, value switch
    {
        null => DBNull.Value,
        Guid guid => guid.ToString().ToUpperInvariant(),
        DateTime dateTime => dateTime.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        _ => value,
    });

    public override object JsonPath(IReadOnlyList<string> segments)
    {
        var path = new StringBuilder("$");
        foreach (var segment in segments)
        {
            if (segment.Contains('"', StringComparison.Ordinal))
            {
                throw new UnsupportedFilterException($"The attribute name '{segment}' cannot be filtered.");
            }

            path.Append(".\"").Append(segment).Append('"');
        }

        return path.ToString();
    }

    public override string JsonText(string json, string path) => $"json_extract({json}, {path})";

    public override string JsonBoolean(string json, string path) =>
        $"(CASE json_type({json}, {path}) WHEN 'true' THEN 1 WHEN 'false' THEN 0 END)";

    public override string JsonPresent(string json, string path) =>
        $"COALESCE(json_type({json}, {path}) IN ('integer', 'real', 'true', 'false')"
        + $" OR (json_type({json}, {path}) = 'text' AND json_extract({json}, {path}) <> '')"
        + $" OR (json_type({json}, {path}) = 'array' AND json_array_length({json}, {path}) > 0)"
        + $" OR (json_type({json}, {path}) = 'object' AND json_extract({json}, {path}) <> '{{}}'), FALSE)";

    public override string JsonArrayElements(string json, string path, string alias) => $"json_each({json}, {path}) AS {alias}";

    // json_extract on a non-JSON text element would raise "malformed JSON"; only objects have sub-attributes.
    public override string ArrayElement(string alias) => $"(CASE WHEN {alias}.type = 'object' THEN {alias}.value END)";

    /// <summary>
    /// Without ANALYZE statistics SQLite prefers walking the (OrganizationId, Id) index to skip the ORDER BY sort
    /// over seeking a selective index of the filtered column (e.g. ExternalId), i.e. it scans the organization.
    /// A unary + (a no-op on any value) makes the term unindexable, so a filter's own index wins and only the
    /// matches are sorted. Unfiltered lists keep walking the id index.
    /// </summary>
    public override string IdOrder(string idColumn, bool filtered) => filtered ? $"+{idColumn} ASC" : $"{idColumn} ASC";

    public override string GuidText(string column) => $"lower({column})";

    public override string CaseSensitiveMatch(string expression, StringMatch match, string text, SqlParameters parameters)
    {
        // GLOB is case-sensitive; its wildcards * ? [ are neutralised by wrapping each in a character class.
        var escaped = new StringBuilder(text.Length + 2);
        foreach (var character in text)
        {
            _ = character is '*' or '?' or '['
                ? escaped.Append('[').Append(character).Append(']')
                : escaped.Append(character);
        }

        var pattern = match switch
        {
            StringMatch.Contains => "*" + escaped + "*",
            StringMatch.StartsWith => escaped + "*",
            _ => "*" + escaped,
        };
        return $"{expression} GLOB {parameters.Add(pattern)}";
    }
}
