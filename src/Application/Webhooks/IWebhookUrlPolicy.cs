namespace ScimClean.Application.Webhooks;

/// <summary>
/// Where webhooks may be sent (server-side request forgery protection): by default only https URLs whose host
/// resolves to public addresses. Checked when an endpoint is registered or its URL changes; the dispatcher
/// checks again when it sends.
/// </summary>
public interface IWebhookUrlPolicy
{
    /// <summary>Success, or a validation error (<c>webhook_endpoint.url_not_allowed</c>) saying why not.</summary>
    Task<Result> CheckAsync(Uri url, CancellationToken cancellationToken);
}
