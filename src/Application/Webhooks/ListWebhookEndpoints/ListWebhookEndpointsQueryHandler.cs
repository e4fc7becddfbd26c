namespace ScimClean.Application.Webhooks.ListWebhookEndpoints;

internal sealed class ListWebhookEndpointsQueryHandler(IWebhookEndpointRepository endpoints)
    : IQueryHandler<ListWebhookEndpointsQuery, IReadOnlyList<WebhookEndpointResponse>>
{
    public async ValueTask<IReadOnlyList<WebhookEndpointResponse>> Handle(
        ListWebhookEndpointsQuery query,
        CancellationToken cancellationToken) =>
        (await endpoints.ListAsync(cancellationToken)).Select(WebhookEndpointResponse.From).ToList();
}
