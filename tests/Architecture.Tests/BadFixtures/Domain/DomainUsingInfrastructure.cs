namespace ScimClean.Architecture.Tests.BadFixtures.Domain;

public sealed class DomainUsingInfrastructure
{
    public Infrastructure.FixtureRepository? Dependency { get; init; }
}
