using System.Diagnostics.CodeAnalysis;

namespace ScimClean.Application.Scim.Filtering;

/// <summary>
/// Parses SCIM filter expressions (RFC 7644 §3.4.2.2) into a <see cref="FilterNode"/> tree. Pure, thread-safe.
/// </summary>
public static class FilterParser
{
    /// <summary>
    /// Parses <paramref name="text"/>. Throws <see cref="FilterParseException"/> (and nothing else) for any malformed,
    /// too long or too deeply nested input.
    /// </summary>
    /// <exception cref="FilterParseException">The filter is invalid or exceeds the limits.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The options contain a non-positive limit.</exception>
    public static FilterNode Parse(string text, FilterParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new FilterReader(text, options ?? FilterParserOptions.Default).ParseFilterToEnd();
    }

    /// <summary>
    /// Parses <paramref name="text"/> without throwing for invalid input; <paramref name="error"/> then holds the
    /// human-readable message (position and what was expected). A <see langword="null"/> text is reported as an error.
    /// </summary>
    public static bool TryParse(
        string? text,
        [NotNullWhen(true)] out FilterNode? node,
        [NotNullWhen(false)] out string? error,
        FilterParserOptions? options = null)
    {
        node = null;
        if (text is null)
        {
            error = "Invalid filter at position 0: the filter is empty";
            return false;
        }

        try
        {
            node = Parse(text, options);
            error = null;
            return true;
        }
        catch (FilterParseException ex)
        {
            error = ex.Message;
            return false;
        }
    }
}
