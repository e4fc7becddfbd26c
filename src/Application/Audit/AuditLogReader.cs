using ScimClean.Domain.Audit;
using ScimClean.Application.Common.Paging;

namespace ScimClean.Application.Audit;

/// <summary>The paging both audit-log queries share: one more row than asked tells whether a next page exists.</summary>
internal static class AuditLogReader
{
    public static async Task<Result<AuditLogPage>> ReadAsync(
        IAuditLogQueries queries,
        string? after,
        int? limit,
        string? organization,
        string? action,
        CancellationToken cancellationToken)
    {
        long? before = null;
        if (after is not null)
        {
            if (!PositionCursor.TryDecode(after, out var position))
            {
                return AuditErrors.InvalidCursor;
            }

            before = position;
        }

        var take = limit ?? AuditLogLimits.DefaultLimit;
        var rows = await queries.ListAsync(before, organization, action, take + 1, cancellationToken);
        var page = rows.Take(take).ToList();
        var hasMore = rows.Count > take;
        return new AuditLogPage(
            page.Select(AuditEntryView.From).ToList(),
            hasMore ? PositionCursor.Encode(page[^1].Position) : null,
            hasMore);
    }
}
