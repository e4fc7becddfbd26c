using ScimClean.Application.Users;
using ScimClean.Domain.Users;

namespace ScimClean.Infrastructure.Persistence.Repositories;

internal sealed class UserRepository(ScimCleanDbContext dbContext) : IUserRepository
{
    private const int BatchSize = 500;

    public Task<User?> FindAsync(Guid organizationId, Guid userId, CancellationToken cancellationToken) =>
        dbContext.Users.FirstOrDefaultAsync(
            user => user.OrganizationId == organizationId && user.Id == userId, cancellationToken);

    public async Task<IReadOnlyList<User>> ListForRenderingAsync(
        Guid organizationId,
        IReadOnlyCollection<Guid> userIds,
        CancellationToken cancellationToken)
    {
        var found = new List<User>(userIds.Count);
        var missing = new List<Guid>();
        var local = dbContext.Users.Local;
        foreach (var id in userIds.Distinct())
        {
            if (local.FindEntry(id)?.Entity is { } tracked)
            {
                if (tracked.OrganizationId == organizationId)
                {
                    found.Add(tracked);
                }
            }
            else
            {
                missing.Add(id);
            }
        }

        // Batches keep the IN list under every provider's parameter limit.
        foreach (var batch in missing.Chunk(BatchSize))
        {
            found.AddRange(await dbContext.Users.AsNoTracking()
                .Where(user => user.OrganizationId == organizationId && batch.Contains(user.Id))
                .ToListAsync(cancellationToken));
        }

        return found;
    }

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
