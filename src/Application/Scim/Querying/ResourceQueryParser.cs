using ScimClean.Application.Scim.Filtering;

namespace ScimClean.Application.Scim.Querying;

/// <summary>Turns raw list parameters into a <see cref="ResourceQuery"/>, or an invalidFilter error.</summary>
public static class ResourceQueryParser
{
    public static Result<ResourceQuery> Parse(ListParameters parameters, ScimLimits? limits = null)
    {
        limits ??= ScimLimits.Default;
        FilterNode? filter = null;
        if (!string.IsNullOrWhiteSpace(parameters.Filter)
            && !FilterParser.TryParse(parameters.Filter, out filter, out var filterError, limits.FilterOptions))
        {
            return ScimRequestErrors.InvalidFilter(filterError ?? "the filter is not valid");
        }

        AttributePath? sortBy = null;
        if (!string.IsNullOrWhiteSpace(parameters.SortBy) && !AttributePath.TryParse(parameters.SortBy, out sortBy))
        {
            return ScimRequestErrors.InvalidSort($"sortBy '{parameters.SortBy}' is not an attribute path");
        }

        var descending = string.Equals(parameters.SortOrder, "descending", StringComparison.OrdinalIgnoreCase);
        // RFC 7644 §3.4.2.4: a startIndex below 1 is read as 1, a negative count as 0; count is capped at the advertised maximum.
        var startIndex = Math.Max(1, parameters.StartIndex ?? 1);
        var count = Math.Clamp(parameters.Count ?? ScimListLimits.DefaultCount, 0, limits.MaxPageSize);
        return new ResourceQuery(filter, sortBy, descending, startIndex, count);
    }
}
