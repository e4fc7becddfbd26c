using Mediator;

namespace ScimClean.Architecture.Tests.BadFixtures.Application.Handlers;

public sealed class PublicUnitCommandHandler : ICommandHandler<FixtureUnitCommand>
{
    public ValueTask<Unit> Handle(FixtureUnitCommand message, CancellationToken cancellationToken) => ValueTask.FromResult(Unit.Value);
}
