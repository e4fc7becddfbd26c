namespace ScimClean.Domain.Common;

/// <summary>Something that happened to an aggregate; becomes an outbox row in the same transaction.</summary>
public interface IDomainEvent
{
    DateTimeOffset OccurredAt { get; }
}
