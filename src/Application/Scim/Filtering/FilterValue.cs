using System.Globalization;

namespace ScimClean.Application.Scim.Filtering;

/// <summary>
/// A typed JSON literal on the right-hand side of a comparison.
/// </summary>
/// <remarks>
/// Strings stay strings: whether <c>"2024-01-01T00:00:00Z"</c> is a dateTime or <c>"True"</c> (Entra sends booleans
/// quoted) is a boolean is decided later, from the attribute's schema type. <see cref="TryGetBoolean"/> helps with the
/// latter. Record equality includes <see cref="NumberText"/>, so <c>1.0</c> and <c>1</c> are different values;
/// compare <see cref="NumberValue"/> for numeric equality.
/// </remarks>
public sealed record FilterValue
{
    private FilterValue(FilterValueKind kind, string? stringValue, bool? booleanValue, decimal? numberValue, string? numberText)
    {
        Kind = kind;
        StringValue = stringValue;
        BooleanValue = booleanValue;
        NumberValue = numberValue;
        NumberText = numberText;
    }

    /// <summary>The JSON literal <c>null</c>.</summary>
    public static FilterValue Null { get; } = new(FilterValueKind.Null, null, null, null, null);

    /// <summary>The JSON literal <c>true</c>.</summary>
    public static FilterValue True { get; } = new(FilterValueKind.Boolean, null, true, null, null);

    /// <summary>The JSON literal <c>false</c>.</summary>
    public static FilterValue False { get; } = new(FilterValueKind.Boolean, null, false, null, null);

    /// <summary>The JSON type of the literal.</summary>
    public FilterValueKind Kind { get; }

    /// <summary>The decoded string (escapes resolved) when <see cref="Kind"/> is <see cref="FilterValueKind.String"/>.</summary>
    public string? StringValue { get; }

    /// <summary>The value when <see cref="Kind"/> is <see cref="FilterValueKind.Boolean"/>.</summary>
    public bool? BooleanValue { get; }

    /// <summary>The value when <see cref="Kind"/> is <see cref="FilterValueKind.Number"/>.</summary>
    public decimal? NumberValue { get; }

    /// <summary>The number exactly as written (e.g. <c>1.50</c>, <c>2e3</c>) when <see cref="Kind"/> is <see cref="FilterValueKind.Number"/>.</summary>
    public string? NumberText { get; }

    /// <summary>A string literal.</summary>
    public static FilterValue FromString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new FilterValue(FilterValueKind.String, value, null, null, null);
    }

    /// <summary>A boolean literal.</summary>
    public static FilterValue FromBoolean(bool value) => value ? True : False;

    /// <summary>A number literal; <paramref name="text"/> is the literal as written (defaults to the invariant formatting of <paramref name="value"/>).</summary>
    public static FilterValue FromNumber(decimal value, string? text = null) =>
        new(FilterValueKind.Number, null, null, value, text ?? value.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Reads a boolean from a JSON boolean, or from a string <c>"true"</c>/<c>"false"</c> in any casing
    /// (Entra ID sends <c>roles[primary eq "True"]</c>). Use only when the schema says the attribute is boolean.
    /// </summary>
    public bool TryGetBoolean(out bool value)
    {
        switch (Kind)
        {
            case FilterValueKind.Boolean:
                value = BooleanValue ?? false;
                return true;
            case FilterValueKind.String when string.Equals(StringValue, "true", StringComparison.OrdinalIgnoreCase):
                value = true;
                return true;
            case FilterValueKind.String when string.Equals(StringValue, "false", StringComparison.OrdinalIgnoreCase):
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }
}
