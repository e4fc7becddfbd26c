using System.Data.Common;

namespace ScimClean.Infrastructure.Persistence.Querying;

/// <summary>
/// The SQL of one list request. <see cref="FilterSql"/> selects every matching row (<c>SELECT t.* ... WHERE ...</c>,
/// the source of the total count); <see cref="PageSql"/> adds ORDER BY and LIMIT/OFFSET. Both use the same parameters.
/// </summary>
internal sealed record ResourceSqlQuery(
    string FilterSql,
    string PageSql,
    IReadOnlyList<KeyValuePair<string, object?>> Parameters,
    SqlDialect Dialect)
{
    /// <summary>Fresh provider parameters (a DbParameter belongs to one command at a time).</summary>
    public DbParameter[] CreateParameters() =>
        Parameters.Select(parameter => Dialect.CreateParameter(parameter.Key, parameter.Value)).ToArray();

    /// <summary>
    /// The SQL for <c>FromSqlRaw</c>, which runs <c>string.Format</c> over it when parameters are passed:
    /// literal braces (e.g. <c>'{}'</c>) are doubled.
    /// </summary>
    public static string ForFromSqlRaw(string sql) =>
        sql.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
}
