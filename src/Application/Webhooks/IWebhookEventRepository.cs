using ScimClean.Domain.Webhooks;

namespace ScimClean.Application.Webhooks;

public interface IWebhookEventRepository
{
    /// <summary>
    /// The stored events that occurred at or after <paramref name="since"/>, in event order (position), without their
    /// payloads: a replay may span many thousands of events, and it needs only what routes and orders a delivery.
    /// </summary>
    Task<IReadOnlyList<ReplayableEvent>> ListOccurredSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
