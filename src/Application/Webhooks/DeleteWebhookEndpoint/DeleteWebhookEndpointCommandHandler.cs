using ScimClean.Application.Audit;
using ScimClean.Domain.Audit;
using ScimClean.Domain.Webhooks;

namespace ScimClean.Application.Webhooks.DeleteWebhookEndpoint;

internal sealed class DeleteWebhookEndpointCommandHandler(IWebhookEndpointRepository endpoints, IAuditTrail audit)
    : ICommandHandler<DeleteWebhookEndpointCommand, Result>
{
    public async ValueTask<Result> Handle(DeleteWebhookEndpointCommand command, CancellationToken cancellationToken)
    {
        var endpoint = await endpoints.FindAsync(command.Id, cancellationToken);
        if (endpoint is null)
        {
            return WebhookErrors.EndpointNotFound(command.Id);
        }

        endpoints.Remove(endpoint);
        audit.Record(AuditActions.WebhookEndpointDeleted, null, endpoint.Id.ToString());
        return Result.Success();
    }
}
