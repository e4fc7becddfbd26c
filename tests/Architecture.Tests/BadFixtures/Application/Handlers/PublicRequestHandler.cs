using Mediator;

namespace ScimClean.Architecture.Tests.BadFixtures.Application.Handlers;

public sealed class PublicRequestHandler : IRequestHandler<FixtureRequest, int>
{
    public ValueTask<int> Handle(FixtureRequest message, CancellationToken cancellationToken) => ValueTask.FromResult(0);
}
