using FluentValidation;
using FluentValidation.Results;

namespace ScimClean.Architecture.Tests.BadFixtures.Application.Handlers;

/// <summary>Implements <see cref="IValidator{T}"/> without <see cref="AbstractValidator{T}"/>.</summary>
public sealed class PublicRawValidator : IValidator<FixtureQuery>
{
    public ValidationResult Validate(FixtureQuery instance) => new();

    public Task<ValidationResult> ValidateAsync(FixtureQuery instance, CancellationToken cancellation = default) =>
        Task.FromResult(new ValidationResult());

    public ValidationResult Validate(IValidationContext context) => new();

    public Task<ValidationResult> ValidateAsync(IValidationContext context, CancellationToken cancellation = default) =>
        Task.FromResult(new ValidationResult());

    public IValidatorDescriptor CreateDescriptor() => throw new NotSupportedException();

    public bool CanValidateInstancesOfType(Type type) => type == typeof(FixtureQuery);
}
