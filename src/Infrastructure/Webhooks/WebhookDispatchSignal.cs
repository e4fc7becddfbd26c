namespace ScimClean.Infrastructure.Webhooks;

/// <summary>
/// Wakes the dispatcher the moment a transaction with events commits, so delivery does not wait for the
/// backstop poll. Signals coalesce: many commits while the dispatcher is busy wake it once.
/// </summary>
public sealed class WebhookDispatchSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another commit signalled first; one wake-up is enough.
            }
        }
    }

    /// <summary>Waits for a signal or the timeout; true when signalled.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}
