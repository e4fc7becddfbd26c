using FluentValidation;

namespace ScimClean.Architecture.Tests.BadFixtures.Domain;

public sealed class DomainUsingFluentValidation
{
    public IValidator<string>? Dependency { get; init; }
}
