using Mapster;

namespace ScimClean.Architecture.Tests.BadFixtures.Domain;

public sealed class DomainUsingMapster
{
    public TypeAdapterConfig? Dependency { get; init; }
}
