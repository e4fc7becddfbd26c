namespace ScimClean.Application.Users;

/// <summary>The direct group memberships of users, for their read-only groups attribute.</summary>
public interface IUserGroupQueries
{
    Task<IReadOnlyDictionary<Guid, IReadOnlyList<UserGroupView>>> ListGroupsOfAsync(
        Guid organizationId,
        IReadOnlyCollection<Guid> userIds,
        CancellationToken cancellationToken);
}
