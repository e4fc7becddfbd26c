using ScimClean.Application.Audit;
using ScimClean.Application.Webhooks.Secrets;
using ScimClean.Domain.Audit;
using ScimClean.Domain.Webhooks;

namespace ScimClean.Application.Webhooks.CreateWebhookEndpoint;

internal sealed class CreateWebhookEndpointCommandHandler(
    IWebhookEndpointRepository endpoints,
    IWebhookUrlPolicy urlPolicy,
    IWebhookSecretProtector protector,
    IAuditTrail audit,
    TimeProvider clock)
    : ICommandHandler<CreateWebhookEndpointCommand, Result<CreatedWebhookEndpointResponse>>
{
    public async ValueTask<Result<CreatedWebhookEndpointResponse>> Handle(
        CreateWebhookEndpointCommand command,
        CancellationToken cancellationToken)
    {
        var url = WebhookEndpointRules.Parse(command.Url!);
        var allowed = await urlPolicy.CheckAsync(url, cancellationToken);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        var secret = WebhookSecretFormat.NewSecret();
        var endpoint = WebhookEndpoint.Create(
            url.AbsoluteUri,
            command.Events,
            WebhookEndpointRules.NormalizeDomains(command.Organizations),
            protector.Protect(secret),
            clock.GetUtcNow());
        endpoints.Add(endpoint);
        audit.Record(AuditActions.WebhookEndpointCreated, null, endpoint.Id.ToString(), WebhookAuditDetails.Host(url));
        return CreatedWebhookEndpointResponse.From(endpoint, secret);
    }
}
