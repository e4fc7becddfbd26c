using ScimClean.Domain.Users;

namespace ScimClean.Application.Users;

/// <summary>Users of one organization; every call is scoped by the organization id.</summary>
public interface IUserRepository
{
    /// <summary>The user, tracked for changes; null when absent or of another organization.</summary>
    Task<User?> FindAsync(Guid organizationId, Guid userId, CancellationToken cancellationToken);

    /// <summary>
    /// The users with these ids, for rendering only: the instances this unit of work already tracks (with their pending
    /// changes) where it has them, the others read without tracking. Absent ids are left out.
    /// </summary>
    Task<IReadOnlyList<User>> ListForRenderingAsync(Guid organizationId, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken);

    Task<bool> UserNameExistsAsync(Guid organizationId, string normalizedUserName, Guid? exceptUserId, CancellationToken cancellationToken);

    void Add(User user);

    /// <summary>Removes the user and its memberships in every group.</summary>
    Task RemoveAsync(User user, CancellationToken cancellationToken);
}
