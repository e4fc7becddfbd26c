namespace ScimClean.Application.Webhooks.Events;

/// <summary>Turns the domain events of one unit of work into webhook events, in the order they were raised.</summary>
public interface IOutgoingEventFactory
{
    Task<IReadOnlyList<OutgoingEvent>> CreateAsync(IReadOnlyList<RaisedEvent> raised, CancellationToken cancellationToken);
}
