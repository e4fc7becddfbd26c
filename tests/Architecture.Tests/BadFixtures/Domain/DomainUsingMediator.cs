using Mediator;

namespace ScimClean.Architecture.Tests.BadFixtures.Domain;

public sealed class DomainUsingMediator
{
    public ISender? Dependency { get; init; }
}
