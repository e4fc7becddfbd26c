using ScimClean.Application.Audit;
using ScimClean.Application.Webhooks.Secrets;
using ScimClean.Domain.Audit;
using ScimClean.Domain.Webhooks;

namespace ScimClean.Application.Webhooks.RotateWebhookSecret;

internal sealed class RotateWebhookSecretCommandHandler(
    IWebhookEndpointRepository endpoints,
    IWebhookSecretProtector protector,
    IAuditTrail audit,
    TimeProvider clock)
    : ICommandHandler<RotateWebhookSecretCommand, Result<WebhookSecretResponse>>
{
    public async ValueTask<Result<WebhookSecretResponse>> Handle(
        RotateWebhookSecretCommand command,
        CancellationToken cancellationToken)
    {
        var endpoint = await endpoints.FindAsync(command.Id, cancellationToken);
        if (endpoint is null)
        {
            return WebhookErrors.EndpointNotFound(command.Id);
        }

        var now = clock.GetUtcNow();
        var secret = WebhookSecretFormat.NewSecret();
        endpoint.RotateSecret(protector.Protect(secret), TimeSpan.FromSeconds(command.GracePeriodSeconds), now);
        audit.Record(
            AuditActions.WebhookSecretRotated,
            null,
            endpoint.Id.ToString(),
            $"previous secret valid for {command.GracePeriodSeconds} s");
        return new WebhookSecretResponse(endpoint.Id, secret, now, endpoint.PreviousSecretExpiresAt);
    }
}
