using ScimClean.Application.Users;
using ScimClean.Domain.Users;

namespace ScimClean.Infrastructure.Persistence.Repositories;

internal sealed class UserRepository(ScimCleanDbContext dbContext) : IUserRepository
{
    public Task<User?> FindAsync(Guid organizationId, Guid userId, CancellationToken cancellationToken) =>
        dbContext.Users.FirstOrDefaultAsync(
            user => user.OrganizationId == organizationId && user.Id == userId, cancellationToken);

    public Task<bool> UserNameExistsAsync(
        Guid organizationId,
        string normalizedUserName,
        Guid? exceptUserId,
        CancellationToken cancellationToken) =>
        dbContext.Users.AnyAsync(
            user => user.OrganizationId == organizationId
                && user.NormalizedUserName == normalizedUserName
                && (exceptUserId == null || user.Id != exceptUserId),
            cancellationToken);

    public void Add(User user) => dbContext.Users.Add(user);

    public async Task RemoveAsync(User user, CancellationToken cancellationToken)
    {
        await MembershipCleanup.RemoveMemberEverywhereAsync(dbContext, user.OrganizationId, user.Id, cancellationToken);
        dbContext.Users.Remove(user);
    }
}
