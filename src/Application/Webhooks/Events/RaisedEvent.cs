namespace ScimClean.Application.Webhooks.Events;

/// <summary>A domain event with the aggregate that raised it, as the unit of work found it before the commit.</summary>
public sealed record RaisedEvent(IDomainEvent Event, AggregateRoot Source);
