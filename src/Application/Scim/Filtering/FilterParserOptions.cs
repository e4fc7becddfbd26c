namespace ScimClean.Application.Scim.Filtering;

/// <summary>
/// Limits that protect the server from hostile filters and PATCH paths.
/// </summary>
/// <param name="MaxLength">Maximum number of characters of the whole input.</param>
/// <param name="MaxDepth">
/// Maximum nesting of parentheses, <c>not (...)</c> and value filters <c>[...]</c>.
/// Flat <c>and</c>/<c>or</c> chains are parsed iteratively and are bounded only by <paramref name="MaxLength"/>.
/// </param>
public sealed record FilterParserOptions(int MaxLength = 4096, int MaxDepth = 32)
{
    /// <summary>The default limits (4096 characters, depth 32).</summary>
    public static FilterParserOptions Default { get; } = new();
}
