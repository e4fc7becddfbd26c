using ScimClean.Domain.Webhooks;

namespace ScimClean.Application.Webhooks.DeleteWebhookEndpoint;

internal sealed class DeleteWebhookEndpointCommandHandler(IWebhookEndpointRepository endpoints)
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
        return Result.Success();
    }
}
