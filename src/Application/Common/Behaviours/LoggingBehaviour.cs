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
        try
        {
            var response = await next(message, cancellationToken);
            if (response is Result { IsFailure: true } failure)
            {
                LoggingBehaviourLog.Failed(logger, typeof(TMessage).Name, failure.Error!.Code, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            else
            {
                LoggingBehaviourLog.Succeeded(logger, typeof(TMessage).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return response;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LoggingBehaviourLog.Threw(
                logger, exception, typeof(TMessage).Name, exception.GetType().Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }
}

/// <summary>
/// The behaviour's log lines, generated: each checks its level before formatting anything, so the debug line of every
/// successful message (off in production) costs no boxing or argument array on the hot path.
/// </summary>
internal static partial class LoggingBehaviourLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "{MessageName} succeeded in {ElapsedMs:F1} ms")]
    public static partial void Succeeded(ILogger logger, string messageName, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{MessageName} failed with {ErrorCode} in {ElapsedMs:F1} ms")]
    public static partial void Failed(ILogger logger, string messageName, string errorCode, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "{MessageName} threw {ExceptionType} after {ElapsedMs:F1} ms")]
    public static partial void Threw(ILogger logger, Exception exception, string messageName, string exceptionType, double elapsedMs);
}
