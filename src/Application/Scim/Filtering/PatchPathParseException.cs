namespace ScimClean.Application.Scim.Filtering;

/// <summary>
/// A PATCH operation's <c>path</c> could not be parsed (including a malformed <c>[...]</c> filter inside it).
/// Map to SCIM <c>400 invalidPath</c>. A filter error inside the path is available as <see cref="Exception.InnerException"/>.
/// </summary>
public sealed class PatchPathParseException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PatchPathParseException(int position, string reason, Exception? innerException = null)
        : base($"Invalid path at position {position}: {reason}", innerException)
    {
        Position = position;
        Reason = reason;
    }

    /// <summary>0-based character index in the path where the problem was detected.</summary>
    public int Position { get; }

    /// <summary>The problem without the position prefix.</summary>
    public string Reason { get; }
}
