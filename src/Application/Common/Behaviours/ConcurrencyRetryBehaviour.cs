using Microsoft.Extensions.Logging;
using ScimClean.Application.Common.Exceptions;
using ScimClean.Application.Common.Persistence;

namespace ScimClean.Application.Common.Behaviours;

/// <summary>
/// Re-runs a command (handler and commit) when its optimistic concurrency check failed: the handler reads
/// the row again, applies its change to the new state and tries once more, after a short random pause that grows
/// with the attempts. The pause matters where writers really run in parallel (PostgreSQL, several instances): without
/// it, twenty requests changing one resource retry in lockstep and some lose every round; SQLite serializes writers.
/// </summary>
public sealed class ConcurrencyRetryBehaviour<TMessage, TResponse>(
    IUnitOfWork unitOfWork,
    ResourceQueue queue,
    ILogger<ConcurrencyRetryBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IBaseCommand, IRetryOnConcurrencyConflict
{
    public const int MaxAttempts = 10;

    /// <summary>The upper bound of the random pause before a retry, doubled per attempt up to <see cref="MaxBackoff"/>.</summary>
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(10);

    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMilliseconds(500);

    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        if (message is not IQueueByResource queued)
        {
            return await RunAsync(message, next, cancellationToken);
        }

        using (await queue.EnterAsync(queued.ResourceKey, cancellationToken))
        {
            return await RunAsync(message, next, cancellationToken);
        }
    }

    private async ValueTask<TResponse> RunAsync(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await next(message, cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                logger.LogDebug("{MessageName} met a concurrent change; attempt {Attempt} of {MaxAttempts}",
                    typeof(TMessage).Name, attempt + 1, MaxAttempts);
                unitOfWork.DiscardChanges();
                await Task.Delay(Backoff(attempt), cancellationToken);
            }
        }
    }

    /// <summary>"Full jitter": uniformly random in [0, min(first × 2^(attempt-1), max)).</summary>
    private static TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(FirstBackoff.TotalMilliseconds * Math.Pow(2, attempt - 1), MaxBackoff.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }
}
