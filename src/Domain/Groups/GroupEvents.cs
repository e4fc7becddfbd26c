using System.Text.Json.Nodes;

namespace ScimClean.Domain.Groups;

/// <summary>A domain event about one group; <see cref="GroupId"/> orders the group's events.</summary>
public interface IGroupEvent : IDomainEvent
{
    Guid OrganizationId { get; }

    Guid GroupId { get; }
}

public sealed record GroupCreated(Guid OrganizationId, Guid GroupId, DateTimeOffset OccurredAt) : IGroupEvent;

public sealed record GroupUpdated(Guid OrganizationId, Guid GroupId, JsonObject PreviousAttributes, DateTimeOffset OccurredAt)
    : IGroupEvent;

public sealed record GroupDeleted(Guid OrganizationId, Guid GroupId, JsonObject LastState, DateTimeOffset OccurredAt)
    : IGroupEvent;

/// <summary>A member really joined: raised only when the membership did not exist, so webhooks never repeat.</summary>
public sealed record GroupMemberAdded(Guid OrganizationId, Guid GroupId, Guid MemberId, MemberType MemberType, DateTimeOffset OccurredAt)
    : IGroupEvent;

public sealed record GroupMemberRemoved(Guid OrganizationId, Guid GroupId, Guid MemberId, MemberType MemberType, DateTimeOffset OccurredAt)
    : IGroupEvent;
