using Mediator;

namespace ScimClean.Architecture.Tests.BadFixtures.Application.Handlers;

public sealed class PublicQueryHandler : IQueryHandler<FixtureQuery, int>
{
    public ValueTask<int> Handle(FixtureQuery message, CancellationToken cancellationToken) => ValueTask.FromResult(0);
}
