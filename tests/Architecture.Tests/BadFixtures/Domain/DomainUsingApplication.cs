namespace ScimClean.Architecture.Tests.BadFixtures.Domain;

public sealed class DomainUsingApplication
{
    public Application.FixtureService? Dependency { get; init; }
}
