using ScimClean.Application.Groups;
using ScimClean.Domain.Groups;

namespace ScimClean.Infrastructure.Persistence.Repositories;

internal sealed class GroupRepository(ScimCleanDbContext dbContext) : IGroupRepository
{
    public Task<Group?> FindAsync(Guid organizationId, Guid groupId, CancellationToken cancellationToken) =>
        dbContext.Groups.FirstOrDefaultAsync(group => group.OrganizationId == organizationId && group.Id == groupId, cancellationToken);

    public Task<bool> DisplayNameExistsAsync(
        Guid organizationId,
        string normalizedDisplayName,
        Guid? exceptGroupId,
        CancellationToken cancellationToken) =>
        dbContext.Groups.AnyAsync(
            group => group.OrganizationId == organizationId
                && group.NormalizedDisplayName == normalizedDisplayName
                && (exceptGroupId == null || group.Id != exceptGroupId),
            cancellationToken);

    public void Add(Group group) => dbContext.Groups.Add(group);

    public async Task RemoveAsync(Group group, CancellationToken cancellationToken)
    {
        // Its own members go by cascade; its place in other groups is a row that names it as member.
        await MembershipCleanup.RemoveMemberEverywhereAsync(dbContext, group.OrganizationId, group.Id, cancellationToken);
        dbContext.Groups.Remove(group);
    }
}
