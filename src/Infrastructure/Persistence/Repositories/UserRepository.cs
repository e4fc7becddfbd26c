using ScimClean.Application.Users;
using ScimClean.Domain.Users;

namespace ScimClean.Infrastructure.Persistence.Repositories;

internal sealed class UserRepository(ScimCleanDbContext dbContext) : IUserRepository
{
    private const int BatchSize = 500;

    // Compiled once: every create and every userName change asks, and building and looking up the query each time
    // (expression tree, cache key, parameter extraction) cost more than the indexed lookup itself.
    private static readonly Func<ScimCleanDbContext, Guid, string, Guid?, CancellationToken, Task<bool>> UserNameTaken =
        EF.CompileAsyncQuery((ScimCleanDbContext db, Guid organizationId, string normalizedUserName, Guid? exceptUserId, CancellationToken _) =>
            db.Users.Any(user => user.OrganizationId == organizationId
                && user.NormalizedUserName == normalizedUserName
                && (exceptUserId == null || user.Id != exceptUserId)));

    public async Task<User?> FindAsync(Guid organizationId, Guid userId, CancellationToken cancellationToken)
    {
        // The change that follows is saved on the same connection.
        await SqliteConnectionReuse.KeepOpenAsync(dbContext, cancellationToken);
        return await dbContext.Users.FirstOrDefaultAsync(
            user => user.OrganizationId == organizationId && user.Id == userId, cancellationToken);
    }

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

    public async Task<bool> UserNameExistsAsync(
        Guid organizationId,
        string normalizedUserName,
        Guid? exceptUserId,
        CancellationToken cancellationToken)
    {
        // The write that follows is saved on the same connection.
        await SqliteConnectionReuse.KeepOpenAsync(dbContext, cancellationToken);
        return await UserNameTaken(dbContext, organizationId, normalizedUserName, exceptUserId, cancellationToken);
    }

    public void Add(User user) => dbContext.Users.Add(user);

    public async Task RemoveAsync(User user, CancellationToken cancellationToken)
    {
        await MembershipCleanup.RemoveMemberEverywhereAsync(dbContext, user.OrganizationId, user.Id, cancellationToken);
        dbContext.Users.Remove(user);
    }
}
