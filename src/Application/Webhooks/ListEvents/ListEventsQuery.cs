namespace ScimClean.Application.Webhooks.ListEvents;

/// <summary>Stored events after a cursor, oldest first; <c>Type</c> may be a pattern such as "user.*".</summary>
public sealed record ListEventsQuery(string? After, int? Limit, string? Organization, string? Type) : IQuery<Result<EventPage>>;
