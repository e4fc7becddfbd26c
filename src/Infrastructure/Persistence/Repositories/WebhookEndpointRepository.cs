using ScimClean.Application.Webhooks;
using ScimClean.Domain.Webhooks;

namespace ScimClean.Infrastructure.Persistence.Repositories;

internal sealed class WebhookEndpointRepository(ScimCleanDbContext dbContext) : IWebhookEndpointRepository
{
    public Task<WebhookEndpoint?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        dbContext.WebhookEndpoints.FirstOrDefaultAsync(endpoint => endpoint.Id == id, cancellationToken);

    public async Task<IReadOnlyList<WebhookEndpoint>> ListAsync(CancellationToken cancellationToken) =>
        await dbContext.WebhookEndpoints.AsNoTracking()
            .OrderBy(endpoint => endpoint.CreatedAt)
            .ThenBy(endpoint => endpoint.Id)
            .ToListAsync(cancellationToken);

    public void Add(WebhookEndpoint endpoint) => dbContext.WebhookEndpoints.Add(endpoint);

    // Deliveries go with the endpoint through the cascading foreign key.
    public void Remove(WebhookEndpoint endpoint) => dbContext.WebhookEndpoints.Remove(endpoint);
}
