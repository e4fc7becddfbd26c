using System.Diagnostics.CodeAnalysis;

namespace ScimClean.Application.Scim.Filtering;

/// <summary>
/// Parses PATCH operation paths (RFC 7644 §3.5.2): <c>attrPath</c> or <c>attrPath[valFilter][.subAttr]</c>.
/// Case is preserved; compare names case-insensitively (see <see cref="AttributePath"/>).
/// </summary>
public static class PatchPathParser
{
    /// <summary>
    /// Parses <paramref name="path"/>. Throws <see cref="PatchPathParseException"/> (SCIM <c>invalidPath</c>) and nothing
    /// else for any malformed input, including an invalid filter inside <c>[...]</c>.
    /// </summary>
    /// <exception cref="PatchPathParseException">The path is invalid or exceeds the limits.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    public static PatchPath Parse(string path, FilterParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return new FilterReader(path, options ?? FilterParserOptions.Default).ParsePatchPathToEnd();
        }
        catch (FilterParseException ex)
        {
            throw new PatchPathParseException(ex.Position, ex.Reason, ex);
        }
    }

    /// <summary>Parses <paramref name="path"/> without throwing for invalid input.</summary>
    public static bool TryParse(
        string? path,
        [NotNullWhen(true)] out PatchPath? result,
        [NotNullWhen(false)] out string? error,
        FilterParserOptions? options = null)
    {
        result = null;
        if (path is null)
        {
            error = "Invalid path at position 0: the path is empty";
            return false;
        }

        try
        {
            result = Parse(path, options);
            error = null;
            return true;
        }
        catch (PatchPathParseException ex)
        {
            error = ex.Message;
            return false;
        }
    }
}
