namespace ScimClean.Application.Scim.Querying;

/// <summary>The raw list parameters of RFC 7644 §3.4.2, from a query string or a .search body.</summary>
public sealed record ListParameters(
    string? Filter,
    int? StartIndex,
    int? Count,
    string? SortBy,
    string? SortOrder,
    IReadOnlyCollection<string>? Attributes,
    IReadOnlyCollection<string>? ExcludedAttributes);
