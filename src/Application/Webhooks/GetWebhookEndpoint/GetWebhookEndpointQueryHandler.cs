using ScimClean.Domain.Webhooks;

namespace ScimClean.Application.Webhooks.GetWebhookEndpoint;

internal sealed class GetWebhookEndpointQueryHandler(IWebhookEndpointRepository endpoints)
    : IQueryHandler<GetWebhookEndpointQuery, Result<WebhookEndpointResponse>>
{
    public async ValueTask<Result<WebhookEndpointResponse>> Handle(GetWebhookEndpointQuery query, CancellationToken cancellationToken)
    {
        var endpoint = await endpoints.FindAsync(query.Id, cancellationToken);
        return endpoint is null ? WebhookErrors.EndpointNotFound(query.Id) : WebhookEndpointResponse.From(endpoint);
    }
}
