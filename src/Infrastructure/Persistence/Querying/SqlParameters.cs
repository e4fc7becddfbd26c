namespace ScimClean.Infrastructure.Persistence.Querying;

/// <summary>
/// The values of one generated statement. <see cref="Add"/> returns the placeholder to write into the SQL; values
/// stay provider-neutral (string, bool, Guid, UTC DateTime, JSON path) until <see cref="SqlDialect.CreateParameter"/>.
/// </summary>
internal sealed class SqlParameters(SqlDialect dialect)
{
    private readonly List<KeyValuePair<string, object?>> _values = [];

    public IReadOnlyList<KeyValuePair<string, object?>> Values => _values;

    public string Add(object? value)
    {
        var name = "p" + _values.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _values.Add(new KeyValuePair<string, object?>(name, value));
        return dialect.Placeholder(name);
    }
}
