using ScimClean.Domain.Webhooks;

namespace ScimClean.Application.Webhooks;

public interface IWebhookEventRepository
{
    /// <summary>
    /// The stored events that occurred at or after <paramref name="since"/>, in event order (position), tracked,
    /// so that new deliveries can point at them.
    /// </summary>
    Task<IReadOnlyList<WebhookEvent>> ListOccurredSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
