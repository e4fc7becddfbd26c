using ScimClean.Application.Scim.Filtering;

namespace ScimClean.Application.Scim.Querying;

/// <summary>
/// A list or .search request after parsing: what to match, how to order, which page (1-based
/// <paramref name="StartIndex"/>, as in RFC 7644 §3.4.2.4).
/// </summary>
public sealed record ResourceQuery(
    FilterNode? Filter,
    AttributePath? SortBy,
    bool SortDescending,
    int StartIndex,
    int Count);
