using ScimClean.Application.Audit;
using ScimClean.Domain.Audit;
using ScimClean.Domain.Webhooks;

namespace ScimClean.Application.Webhooks.UpdateWebhookEndpoint;

internal sealed class UpdateWebhookEndpointCommandHandler(
    IWebhookEndpointRepository endpoints,
    IWebhookUrlPolicy urlPolicy,
    IAuditTrail audit,
    TimeProvider clock)
    : ICommandHandler<UpdateWebhookEndpointCommand, Result<WebhookEndpointResponse>>
{
    public const string DisabledByAdministrator = "disabled by an administrator";

    public async ValueTask<Result<WebhookEndpointResponse>> Handle(
        UpdateWebhookEndpointCommand command,
        CancellationToken cancellationToken)
    {
        var endpoint = await endpoints.FindAsync(command.Id, cancellationToken);
        if (endpoint is null)
        {
            return WebhookErrors.EndpointNotFound(command.Id);
        }

        string? url = null;
        Uri? parsedUrl = null;
        if (command.Url is not null)
        {
            var parsed = WebhookEndpointRules.Parse(command.Url);
            var allowed = await urlPolicy.CheckAsync(parsed, cancellationToken);
            if (allowed.IsFailure)
            {
                return allowed.Error!;
            }

            url = parsed.AbsoluteUri;
            parsedUrl = parsed;
        }

        var now = clock.GetUtcNow();
        endpoint.Update(url, command.Events, WebhookEndpointRules.NormalizeDomains(command.Organizations), now);
        if (command.Enabled == true && !endpoint.Enabled)
        {
            endpoint.Enable(now);
        }
        else if (command.Enabled == false && endpoint.Enabled)
        {
            endpoint.Disable(DisabledByAdministrator, now);
        }

        audit.Record(
            AuditActions.WebhookEndpointUpdated,
            null,
            endpoint.Id.ToString(),
            WebhookAuditDetails.Update(parsedUrl, command.Events, command.Organizations, command.Enabled));
        return WebhookEndpointResponse.From(endpoint);
    }
}
