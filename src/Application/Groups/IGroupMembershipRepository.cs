using ScimClean.Domain.Groups;

namespace ScimClean.Application.Groups;

/// <summary>Membership rows of a group: read and written one member at a time, never as a whole list.</summary>
public interface IGroupMembershipRepository
{
    /// <summary>The memberships of the group among the given member ids (tracked).</summary>
    Task<IReadOnlyList<GroupMembership>> FindAsync(Guid groupId, IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken);

    /// <summary>Every membership of the group (tracked); for remove-all and replace-all only.</summary>
    Task<IReadOnlyList<GroupMembership>> ListAsync(Guid groupId, CancellationToken cancellationToken);

    void Add(GroupMembership membership);

    void Remove(GroupMembership membership);
}
