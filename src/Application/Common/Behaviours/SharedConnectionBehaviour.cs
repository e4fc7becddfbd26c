using ScimClean.Application.Common.Persistence;

namespace ScimClean.Application.Common.Behaviours;

/// <summary>Runs a query that reads several times on one database connection (see <see cref="IReadsSeveralTimes"/>).</summary>
public sealed class SharedConnectionBehaviour<TMessage, TResponse>(IDatabaseSession session)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IBaseQuery, IReadsSeveralTimes
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        await using var connection = await session.HoldConnectionAsync(cancellationToken);
        return await next(message, cancellationToken);
    }
}
