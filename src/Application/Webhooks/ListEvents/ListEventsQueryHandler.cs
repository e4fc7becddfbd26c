using System.Text.Json;
using ScimClean.Domain.Organizations;
using ScimClean.Domain.Webhooks;
using ScimClean.Application.Common.Paging;

namespace ScimClean.Application.Webhooks.ListEvents;

internal sealed class ListEventsQueryHandler(IWebhookEventQueries events) : IQueryHandler<ListEventsQuery, Result<EventPage>>
{
    public async ValueTask<Result<EventPage>> Handle(ListEventsQuery query, CancellationToken cancellationToken)
    {
        long after = 0;
        if (query.After is not null && !PositionCursor.TryDecode(query.After, out after))
        {
            return WebhookErrors.InvalidCursor;
        }

        var limit = query.Limit ?? WebhookPageLimits.DefaultLimit;
        var organization = query.Organization is null ? null : OrganizationDomain.Normalize(query.Organization).Value;
        var rows = await events.ListAsync(after, organization, query.Type, limit + 1, cancellationToken);
        var page = rows.Take(limit).ToList();
        var data = page.Select(row =>
        {
            using var document = JsonDocument.Parse(row.Payload);
            return document.RootElement.Clone();
        }).ToList();
        var last = page.Count > 0 ? page[^1].Position : after;
        return new EventPage(data, PositionCursor.Encode(last), rows.Count > limit);
    }
}
