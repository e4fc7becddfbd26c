using ScimClean.Domain.Groups;

namespace ScimClean.Application.Groups;

/// <summary>Groups of one organization; every call is scoped by the organization id.</summary>
public interface IGroupRepository
{
    Task<Group?> FindAsync(Guid organizationId, Guid groupId, CancellationToken cancellationToken);

    Task<bool> DisplayNameExistsAsync(Guid organizationId, string normalizedDisplayName, Guid? exceptGroupId, CancellationToken cancellationToken);

    void Add(Group group);

    /// <summary>Removes the group, its memberships, and its memberships in other groups.</summary>
    Task RemoveAsync(Group group, CancellationToken cancellationToken);
}
