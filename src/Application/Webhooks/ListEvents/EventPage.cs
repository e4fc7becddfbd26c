using System.Text.Json;

namespace ScimClean.Application.Webhooks.ListEvents;

/// <summary>
/// A page of events (payloads exactly as stored and sent). <c>NextCursor</c> is always set: pass it as
/// <c>after</c> to read on, now or later (a poller keeps it while <c>HasMore</c> is false).
/// </summary>
public sealed record EventPage(IReadOnlyList<JsonElement> Data, string NextCursor, bool HasMore);
