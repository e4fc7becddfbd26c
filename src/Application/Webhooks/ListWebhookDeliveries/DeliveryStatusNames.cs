using ScimClean.Domain.Webhooks;

namespace ScimClean.Application.Webhooks.ListWebhookDeliveries;

/// <summary>Delivery statuses as the API writes and reads them: pending, in_flight, succeeded, failed.</summary>
public static class DeliveryStatusNames
{
    public static readonly IReadOnlyList<string> All = ["pending", "in_flight", "succeeded", "failed"];

    public static string ToName(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Pending => "pending",
        DeliveryStatus.InFlight => "in_flight",
        DeliveryStatus.Succeeded => "succeeded",
        DeliveryStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown delivery status"),
    };

    public static DeliveryStatus? Parse(string? name) => name?.ToLowerInvariant() switch
    {
        "pending" => DeliveryStatus.Pending,
        "in_flight" => DeliveryStatus.InFlight,
        "succeeded" => DeliveryStatus.Succeeded,
        "failed" => DeliveryStatus.Failed,
        _ => null,
    };
}
