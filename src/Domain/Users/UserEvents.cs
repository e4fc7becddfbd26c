using System.Text.Json.Nodes;

namespace ScimClean.Domain.Users;

/// <summary>A domain event about one user; <see cref="UserId"/> orders the user's events.</summary>
public interface IUserEvent : IDomainEvent
{
    Guid OrganizationId { get; }

    Guid UserId { get; }
}

public sealed record UserCreated(Guid OrganizationId, Guid UserId, DateTimeOffset OccurredAt) : IUserEvent;

/// <summary>Attributes other than <c>active</c> changed; <paramref name="PreviousAttributes"/> holds their old values.</summary>
public sealed record UserUpdated(Guid OrganizationId, Guid UserId, JsonObject PreviousAttributes, DateTimeOffset OccurredAt)
    : IUserEvent;

/// <summary>active went from true to false: its own event, so no app can miss an offboarding.</summary>
public sealed record UserDeactivated(Guid OrganizationId, Guid UserId, JsonObject PreviousAttributes, DateTimeOffset OccurredAt)
    : IUserEvent;

public sealed record UserReactivated(Guid OrganizationId, Guid UserId, JsonObject PreviousAttributes, DateTimeOffset OccurredAt)
    : IUserEvent;

/// <summary>The user is gone; <paramref name="LastState"/> is what it was.</summary>
public sealed record UserDeleted(Guid OrganizationId, Guid UserId, JsonObject LastState, DateTimeOffset OccurredAt)
    : IUserEvent;
