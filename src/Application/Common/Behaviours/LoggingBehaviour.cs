using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ScimClean.Application.Common.Behaviours;

/// <summary>
/// Logs each message's name, outcome and elapsed time. Never the message itself: it may hold
/// tokens, passwords or a whole SCIM body.
/// </summary>
public sealed class LoggingBehaviour<TMessage, TResponse>(ILogger<LoggingBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var name = typeof(TMessage).Name;
        try
        {
            var response = await next(message, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response is Result { IsFailure: true } failure)
            {
                logger.LogInformation(
                    "{MessageName} failed with {ErrorCode} in {ElapsedMs:F1} ms", name, failure.Error!.Code, elapsed);
            }
            else
            {
                logger.LogDebug("{MessageName} succeeded in {ElapsedMs:F1} ms", name, elapsed);
            }

            return response;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(
                exception,
                "{MessageName} threw {ExceptionType} after {ElapsedMs:F1} ms",
                name,
                exception.GetType().Name,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }
}
