using Polly;

namespace ScimClean.Architecture.Tests.BadFixtures.Application;

public sealed class ApplicationUsingPolly
{
    public ResiliencePipeline? Dependency { get; init; }
}
