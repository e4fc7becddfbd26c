using System.Data.Common;
using System.Text;

namespace ScimClean.Infrastructure.Persistence.Querying;

/// <summary>
/// The provider-specific pieces of the generated SQL: JSON access, array expansion, pattern matching and parameter
/// values. Everything else (identifiers in double quotes, <c>upper()</c>, <c>LIKE ... ESCAPE</c>, <c>EXISTS</c>,
/// <c>IN (SELECT ...)</c>, <c>NULLS LAST</c>, <c>LIMIT/OFFSET</c>) is shared by SQLite and PostgreSQL.
/// </summary>
/// <remarks>
/// Implementations: <see cref="SqliteDialect"/> (JSON1 functions, GLOB, EF Core's text storage formats) and
/// <see cref="PostgresDialect"/> (jsonb operators on a jsonb column, LIKE, native uuid/timestamptz parameters).
/// </remarks>
internal abstract class SqlDialect
{
    public const char LikeEscapeCharacter = '\\';

    public static SqlDialect For(DbContext dbContext)
    {
        if (DatabaseKind.IsSqlite(dbContext))
        {
            return SqliteDialect.Instance;
        }

        if (DatabaseKind.IsNpgsql(dbContext))
        {
            return PostgresDialect.Instance;
        }

        throw new NotSupportedException($"No SCIM filter SQL dialect for the provider '{dbContext.Database.ProviderName}'.");
    }

    public virtual string True => "TRUE";

    public virtual string False => "FALSE";

    public virtual string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public virtual string Placeholder(string parameterName) => "@" + parameterName;

    public abstract DbParameter CreateParameter(string name, object? value);

    /// <summary>The parameter value addressing <paramref name="segments"/> (object keys) inside a JSON document.</summary>
    public abstract object JsonPath(IReadOnlyList<string> segments);

    /// <summary>The scalar at <paramref name="path"/> as text; NULL when missing or JSON null.</summary>
    public abstract string JsonText(string json, string path);

    /// <summary>The JSON boolean at <paramref name="path"/> as a SQL boolean; NULL when missing or not a boolean.</summary>
    public abstract string JsonBoolean(string json, string path);

    /// <summary>True (never NULL) when the value at <paramref name="path"/> exists and is not null, "", [] or {}.</summary>
    public abstract string JsonPresent(string json, string path);

    /// <summary>A FROM item yielding one row per element of the JSON array at <paramref name="path"/> (none when it is not an array).</summary>
    public abstract string JsonArrayElements(string json, string path, string alias);

    /// <summary>The current element of <see cref="JsonArrayElements"/> as a JSON object (NULL for non-objects).</summary>
    public abstract string ArrayElement(string alias);

    /// <summary>The lower-case canonical text form of a GUID column (SCIM ids).</summary>
    public abstract string GuidText(string column);

    /// <summary>A case-sensitive co/sw/ew test of <paramref name="expression"/> against the literal <paramref name="text"/>.</summary>
    public abstract string CaseSensitiveMatch(string expression, StringMatch match, string text, SqlParameters parameters);

    public virtual string Upper(string expression) => $"upper({expression})";

    /// <summary>The resolution of stored date-times in ticks: 1 (100 ns, .NET's own) unless the database rounds them.</summary>
    public virtual long DateTimeResolutionTicks => 1;

    /// <summary>
    /// A case-insensitive co/sw/ew test with <c>LIKE</c>; <c>%</c>, <c>_</c> and <c>\</c> in <paramref name="text"/> are escaped.
    /// When <paramref name="expressionIsNormalized"/>, the column already holds upper-case values and
    /// <paramref name="text"/> has been upper-cased by the caller, so neither side is wrapped in <c>upper()</c>.
    /// </summary>
    public virtual string CaseInsensitiveMatch(
        string expression,
        StringMatch match,
        string text,
        bool expressionIsNormalized,
        SqlParameters parameters)
    {
        var pattern = parameters.Add(LikePattern(match, text));
        return expressionIsNormalized
            ? $"{expression} LIKE {pattern} ESCAPE '{LikeEscapeCharacter}'"
            : $"{Upper(expression)} LIKE {Upper(pattern)} ESCAPE '{LikeEscapeCharacter}'";
    }

    /// <summary>Ascending puts missing values last, descending first (they sort as the greatest).</summary>
    public virtual string SortDirection(bool descending) => descending ? "DESC NULLS FIRST" : "ASC NULLS LAST";

    /// <summary>The id ORDER BY term (default order and tie-breaker); <paramref name="filtered"/> when a WHERE filter applies.</summary>
    public virtual string IdOrder(string idColumn, bool filtered) => idColumn + " ASC";

    public virtual string Page(int limit, int offset) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"LIMIT {limit} OFFSET {offset}");

    public static string LikePattern(StringMatch match, string text)
    {
        var escaped = new StringBuilder(text.Length + 2);
        foreach (var character in text)
        {
            if (character is '%' or '_' or LikeEscapeCharacter)
            {
                escaped.Append(LikeEscapeCharacter);
            }

            escaped.Append(character);
        }

        return match switch
        {
            StringMatch.Contains => "%" + escaped + "%",
            StringMatch.StartsWith => escaped + "%",
            _ => "%" + escaped,
        };
    }
}
