using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using ScimClean.Application.Scim.Querying;

namespace ScimClean.Infrastructure.Persistence.Querying;

/// <summary>
/// PostgreSQL: the document column is <c>jsonb</c>; JSON paths are <c>text[]</c> parameters for <c>#&gt;</c> and
/// <c>#&gt;&gt;</c>, arrays are expanded with <c>jsonb_array_elements</c>, case-sensitive patterns use <c>LIKE</c>, and
/// GUIDs, booleans and UTC date-times are bound natively (<c>uuid</c>, <c>boolean</c>, <c>timestamptz</c>).
/// Note: <c>upper()</c> on a JSON value follows the database's LC_CTYPE, so with a UTF-8 locale (e.g. C.UTF-8,
/// en_US.UTF-8) case-insensitive comparisons on JSON values fold all of Unicode, while SQLite folds ASCII only.
/// Text columns use the "C" collation (see <see cref="PostgresScimCleanDbContext"/>), where <c>upper()</c> folds
/// ASCII only, as in SQLite; the normalized columns are folded in C# and are the same on both providers.
/// </summary>
internal sealed class PostgresDialect : SqlDialect
{
    public static PostgresDialect Instance { get; } = new();

    private PostgresDialect()
    {
    }

    public override DbParameter CreateParameter(string name, object? value) => value switch
    {
        null => new NpgsqlParameter(name, DBNull.Value),
        string[] path => new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = path },
        string text => new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = text },
        DateTime dateTime => new NpgsqlParameter(name, NpgsqlDbType.TimestampTz)
        {
            Value = DateTime.SpecifyKind(dateTime.ToUniversalTime(), DateTimeKind.Utc),
        },
        _ => new NpgsqlParameter(name, value),
    };

    /// <summary><c>timestamptz</c> holds microseconds; Npgsql truncates the 100 ns digit on the way in.</summary>
    public override long DateTimeResolutionTicks => TimeSpan.TicksPerMicrosecond;

    public override object JsonPath(IReadOnlyList<string> segments)
    {
        if (segments.Count == 0)
        {
            throw new UnsupportedFilterException("An empty attribute path cannot be filtered.");
        }

        // text[] elements are bound as values: no quoting or escaping is needed for any key.
        return segments.ToArray();
    }

    public override string JsonText(string json, string path) => $"({json} #>> {path})";

    public override string JsonBoolean(string json, string path) =>
        $"(CASE WHEN jsonb_typeof({json} #> {path}) = 'boolean' THEN ({json} #> {path})::boolean END)";

    public override string JsonPresent(string json, string path) =>
        $"COALESCE(CASE jsonb_typeof({json} #> {path})"
        + " WHEN 'number' THEN TRUE WHEN 'boolean' THEN TRUE"
        + $" WHEN 'string' THEN ({json} #>> {path}) <> ''"
        + $" WHEN 'array' THEN jsonb_array_length({json} #> {path}) > 0"
        + $" WHEN 'object' THEN ({json} #> {path}) <> '{{}}'::jsonb"
        + " ELSE FALSE END, FALSE)";

    public override string JsonArrayElements(string json, string path, string alias) =>
        $"jsonb_array_elements(CASE WHEN jsonb_typeof({json} #> {path}) = 'array' THEN {json} #> {path} ELSE '[]'::jsonb END)"
        + $" AS {alias}(value)";

    // Only objects have sub-attributes; #>> on a scalar element would yield NULL anyway, this keeps it explicit.
    public override string ArrayElement(string alias) =>
        $"(CASE WHEN jsonb_typeof({alias}.value) = 'object' THEN {alias}.value END)";

    // uuid's text form is the lower-case canonical one; "C" makes LIKE on it ordinal.
    public override string GuidText(string column) => $"({column}::text COLLATE \"C\")";

    public override string CaseSensitiveMatch(string expression, StringMatch match, string text, SqlParameters parameters) =>
        $"{expression} LIKE {parameters.Add(LikePattern(match, text))} ESCAPE '{LikeEscapeCharacter}'";
}
