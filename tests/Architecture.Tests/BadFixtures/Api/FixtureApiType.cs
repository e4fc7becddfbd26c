namespace ScimClean.Architecture.Tests.BadFixtures.Api;

/// <summary>Any API type; the lower layers must not see it.</summary>
public sealed class FixtureApiType
{
    public Guid Id { get; init; }
}
