using ScimClean.Domain.Webhooks;

namespace ScimClean.Application.Webhooks;

public interface IWebhookEndpointRepository
{
    /// <summary>The endpoint, tracked for changes.</summary>
    Task<WebhookEndpoint?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Every endpoint, oldest first, read-only.</summary>
    Task<IReadOnlyList<WebhookEndpoint>> ListAsync(CancellationToken cancellationToken);

    void Add(WebhookEndpoint endpoint);

    /// <summary>Removes the endpoint and, with it, its deliveries.</summary>
    void Remove(WebhookEndpoint endpoint);
}
