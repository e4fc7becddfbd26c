namespace ScimClean.Application.Webhooks;

/// <summary>
/// Wakes the webhook dispatcher once the current unit of work has committed, for changes to deliveries that
/// raise no domain event (a manual retry, a replay). Several requests in one unit of work wake it once.
/// </summary>
public interface IWebhookDispatchNotifier
{
    void NotifyAfterCommit();
}
