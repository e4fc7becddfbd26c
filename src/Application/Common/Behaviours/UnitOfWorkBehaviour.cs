using ScimClean.Application.Common.Persistence;

namespace ScimClean.Application.Common.Behaviours;

/// <summary>
/// Commits a command's changes once its handler succeeded. Handlers never save themselves; a failed
/// <see cref="Result"/> or an exception leaves the database untouched.
/// </summary>
public sealed class UnitOfWorkBehaviour<TMessage, TResponse>(IUnitOfWork unitOfWork)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IBaseCommand
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        var response = await next(message, cancellationToken);
        if (response is Result { IsFailure: true })
        {
            return response;
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return response;
    }
}
