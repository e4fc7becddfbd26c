using FluentValidation;
using ScimClean.Application.Common.Exceptions;

namespace ScimClean.Application.Common.Behaviours;

/// <summary>Runs every FluentValidation validator of the message; any failure stops it before the handler.</summary>
public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private readonly IValidator<TMessage>[] _validators = validators.ToArray();

    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        if (_validators.Length == 0)
        {
            return await next(message, cancellationToken);
        }

        var failures = new List<RequestValidationFailure>();
        foreach (var validator in _validators)
        {
            // One context per validator: a context accumulates failures, and each result returns all of them,
            // so a shared context would repeat the failures of every earlier validator.
            var result = await validator.ValidateAsync(new ValidationContext<TMessage>(message), cancellationToken);
            failures.AddRange(result.Errors.Select(error =>
                new RequestValidationFailure(error.PropertyName, error.ErrorMessage, error.ErrorCode)));
        }

        if (failures.Count > 0)
        {
            throw new RequestValidationException(failures);
        }

        return await next(message, cancellationToken);
    }
}
