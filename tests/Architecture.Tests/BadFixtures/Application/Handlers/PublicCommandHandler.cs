using Mediator;

namespace ScimClean.Architecture.Tests.BadFixtures.Application.Handlers;

public sealed class PublicCommandHandler : ICommandHandler<FixtureCommand, int>
{
    public ValueTask<int> Handle(FixtureCommand message, CancellationToken cancellationToken) => ValueTask.FromResult(0);
}
