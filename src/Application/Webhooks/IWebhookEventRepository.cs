using ScimClean.Domain.Webhooks;

namespace ScimClean.Application.Webhooks;

public interface IWebhookEventRepository
{
    /// <summary>
    /// One page of the stored events that occurred from <paramref name="since"/> up to <paramref name="until"/> and come
    /// after position <paramref name="afterPosition"/>, in event order (position), at most <paramref name="count"/>, without
    /// their payloads: a replay may span many thousands of events, and it needs only what routes and orders a delivery.
    /// </summary>
    Task<IReadOnlyList<ReplayableEvent>> ListOccurredBetweenAsync(
        DateTimeOffset since,
        DateTimeOffset until,
        long afterPosition,
        int count,
        CancellationToken cancellationToken);
}
