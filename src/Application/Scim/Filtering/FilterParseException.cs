namespace ScimClean.Application.Scim.Filtering;

/// <summary>
/// A filter could not be parsed. Map to SCIM <c>400 invalidFilter</c>.
/// The message says where (0-based <see cref="Position"/>) and what was expected.
/// </summary>
public sealed class FilterParseException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FilterParseException(int position, string reason)
        : base($"Invalid filter at position {position}: {reason}")
    {
        Position = position;
        Reason = reason;
    }

    /// <summary>0-based character index in the input where the problem was detected.</summary>
    public int Position { get; }

    /// <summary>The problem without the position prefix, e.g. <c>expected an operator but found 'foo'</c>.</summary>
    public string Reason { get; }
}
