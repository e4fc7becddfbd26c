using System.Text.Json.Nodes;
using ScimClean.Application.Scim;

namespace ScimClean.Application.Webhooks.Events;

/// <summary>An event about to be written to the outbox: everything but its id and per-resource sequence.</summary>
public sealed record OutgoingEvent(
    string Type,
    Guid OrganizationId,
    string Organization,
    Guid? ResourceId,
    JsonObject Data,
    JsonObject? PreviousAttributes,
    DateTimeOffset OccurredAt)
{
    /// <summary>The webhook body, exactly as sent and as the events API returns it.</summary>
    public JsonObject ToPayload(string id, long sequence)
    {
        var payload = new JsonObject
        {
            ["id"] = id,
            ["type"] = Type,
            ["timestamp"] = ScimMeta.FormatTimestamp(OccurredAt),
            ["organization"] = Organization,
            ["sequence"] = sequence,
            ["data"] = Data.DeepClone(),
        };
        if (PreviousAttributes is not null)
        {
            payload["previousAttributes"] = PreviousAttributes.DeepClone();
        }

        return payload;
    }
}
