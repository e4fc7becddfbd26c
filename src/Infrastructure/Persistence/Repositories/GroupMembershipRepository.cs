using ScimClean.Application.Groups;
using ScimClean.Domain.Groups;

namespace ScimClean.Infrastructure.Persistence.Repositories;

internal sealed class GroupMembershipRepository(ScimCleanDbContext dbContext) : IGroupMembershipRepository
{
    private const int BatchSize = 500;

    public async Task<IReadOnlyList<GroupMembership>> FindAsync(
        Guid groupId,
        IReadOnlyCollection<Guid> memberIds,
        CancellationToken cancellationToken)
    {
        var found = new List<GroupMembership>();
        // Batches keep the IN list under every provider's parameter limit.
        foreach (var batch in memberIds.Chunk(BatchSize))
        {
            found.AddRange(await dbContext.GroupMemberships
                .Where(membership => membership.GroupId == groupId && batch.Contains(membership.MemberId))
                .ToListAsync(cancellationToken));
        }

        return found;
    }

    public async Task<IReadOnlyList<GroupMembership>> ListAsync(Guid groupId, CancellationToken cancellationToken) =>
        await dbContext.GroupMemberships.Where(membership => membership.GroupId == groupId).ToListAsync(cancellationToken);

    public void Add(GroupMembership membership) => dbContext.GroupMemberships.Add(membership);

    public void Remove(GroupMembership membership) => dbContext.GroupMemberships.Remove(membership);
}
