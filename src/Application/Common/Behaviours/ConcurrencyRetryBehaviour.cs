using Microsoft.Extensions.Logging;
using ScimClean.Application.Common.Exceptions;
using ScimClean.Application.Common.Persistence;

namespace ScimClean.Application.Common.Behaviours;

/// <summary>
/// Re-runs a command (handler and commit) when its optimistic concurrency check failed: the handler reads
/// the row again, applies its change to the new state and tries once more.
/// </summary>
public sealed class ConcurrencyRetryBehaviour<TMessage, TResponse>(
    IUnitOfWork unitOfWork,
    ILogger<ConcurrencyRetryBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IBaseCommand, IRetryOnConcurrencyConflict
{
    public const int MaxAttempts = 10;

    public async ValueTask<TResponse> Handle(
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
            }
        }
    }
}
