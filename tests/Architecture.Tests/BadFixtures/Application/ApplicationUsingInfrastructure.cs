namespace ScimClean.Architecture.Tests.BadFixtures.Application;

public sealed class ApplicationUsingInfrastructure
{
    public Infrastructure.FixtureRepository? Dependency { get; init; }
}
