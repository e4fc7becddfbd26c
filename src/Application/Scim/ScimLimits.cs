using ScimClean.Application.Scim.Filtering;
using ScimClean.Application.Scim.Patching;

namespace ScimClean.Application.Scim;

/// <summary>
/// Limits on SCIM requests, bound from the <c>Scim:Limits</c> configuration section. Exceeding one is a 4xx SCIM
/// error, never a 500 or a hang. The defaults sit well above what Entra ID sends.
/// </summary>
public sealed class ScimLimits
{
    public const string SectionName = "Scim:Limits";

    /// <summary>The defaults, for callers without configuration.</summary>
    public static ScimLimits Default { get; } = new();

    /// <summary><c>Scim:Limits:MaxRequestBodyBytes</c>: largest request body on SCIM and admin routes (413); default 1 MiB.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary><c>Scim:Limits:MaxJsonDepth</c>: deepest nesting of a JSON body (400 invalidSyntax); default 64.</summary>
    public int MaxJsonDepth { get; set; } = 64;

    /// <summary>
    /// <c>Scim:Limits:MaxAttributeValueLength</c>: longest string value (and member name) anywhere in a SCIM body,
    /// in UTF-16 characters (400 invalidValue naming the attribute); default 16 KiB (16384).
    /// </summary>
    public int MaxAttributeValueLength { get; set; } = 16 * 1024;

    /// <summary>
    /// <c>Scim:Limits:MaxMultiValuedAttributeValues</c>: most values of a multi-valued attribute (any JSON array) in a
    /// resource or search body (400 invalidValue naming the attribute); default 1000. PATCH operations have their own limits.
    /// </summary>
    public int MaxMultiValuedAttributeValues { get; set; } = 1000;

    /// <summary><c>Scim:Limits:MaxFilterLength</c>: longest filter, in characters (400 invalidFilter); default 4096.</summary>
    public int MaxFilterLength { get; set; } = FilterParserOptions.Default.MaxLength;

    /// <summary><c>Scim:Limits:MaxFilterDepth</c>: deepest nesting of parentheses, not() and [] in a filter (400 invalidFilter); default 32.</summary>
    public int MaxFilterDepth { get; set; } = FilterParserOptions.Default.MaxDepth;

    /// <summary><c>Scim:Limits:MaxPatchOperations</c>: most operations in one PATCH request (400 tooMany); default 1000.</summary>
    public int MaxPatchOperations { get; set; } = PatchLimits.Default.MaxOperations;

    /// <summary><c>Scim:Limits:MaxValuesPerPatchOperation</c>: most values in one PATCH operation (400 tooMany); default 1000.</summary>
    public int MaxValuesPerPatchOperation { get; set; } = PatchLimits.Default.MaxValuesPerOperation;

    /// <summary>
    /// <c>Scim:Limits:MaxPageSize</c>: the largest <c>count</c> honoured on lists (larger ones are capped, RFC 7644 §3.4.2.4),
    /// advertised as <c>filter.maxResults</c> in ServiceProviderConfig; default 1000.
    /// </summary>
    public int MaxPageSize { get; set; } = ScimListLimits.MaxCount;

    public FilterParserOptions FilterOptions => new(MaxFilterLength, MaxFilterDepth);

    public PatchLimits PatchLimits => new(MaxPatchOperations, MaxValuesPerPatchOperation);

    /// <summary>True when every limit is positive.</summary>
    public bool IsValid() =>
        MaxRequestBodyBytes > 0 && MaxJsonDepth > 0 && MaxAttributeValueLength > 0 && MaxMultiValuedAttributeValues > 0
        && MaxFilterLength > 0 && MaxFilterDepth > 0 && MaxPatchOperations > 0 && MaxValuesPerPatchOperation > 0 && MaxPageSize > 0;
}
