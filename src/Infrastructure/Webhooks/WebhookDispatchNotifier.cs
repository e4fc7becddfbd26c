using ScimClean.Application.Webhooks;

namespace ScimClean.Infrastructure.Webhooks;

/// <summary>
/// Remembers, for the current unit of work, that the dispatcher should be woken; <see cref="Persistence.EfUnitOfWork"/>
/// signals <see cref="WebhookDispatchSignal"/> after the commit, so the dispatcher never looks before the rows exist.
/// </summary>
internal sealed class WebhookDispatchNotifier : IWebhookDispatchNotifier
{
    private bool _requested;

    public void NotifyAfterCommit() => _requested = true;

    /// <summary>Whether a wake-up is requested, without taking the request (the commit may still fail).</summary>
    public bool IsRequested => _requested;

    /// <summary>Whether a wake-up was requested since the last call.</summary>
    public bool TakeRequest()
    {
        var requested = _requested;
        _requested = false;
        return requested;
    }
}
