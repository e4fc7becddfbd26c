using Mediator;

namespace ScimClean.Architecture.Tests.BadFixtures.Application.Handlers;

public sealed class PublicNotificationHandler : INotificationHandler<FixtureNotification>
{
    public ValueTask Handle(FixtureNotification notification, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
