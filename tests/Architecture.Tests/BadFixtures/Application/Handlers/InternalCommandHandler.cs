using Mediator;

namespace ScimClean.Architecture.Tests.BadFixtures.Application.Handlers;

internal sealed class InternalCommandHandler : ICommandHandler<FixtureCommand, int>
{
    public ValueTask<int> Handle(FixtureCommand message, CancellationToken cancellationToken) => ValueTask.FromResult(0);
}
