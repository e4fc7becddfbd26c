namespace ScimClean.Infrastructure.Persistence.Repositories;

internal static class MembershipCleanup
{
    /// <summary>
    /// Marks every membership naming this member for deletion in the same unit of work, so that deleting a
    /// user or a group never leaves a dangling member.
    /// </summary>
    public static async Task RemoveMemberEverywhereAsync(
        ScimCleanDbContext dbContext,
        Guid organizationId,
        Guid memberId,
        CancellationToken cancellationToken)
    {
        var rows = await dbContext.GroupMemberships
            .Where(membership => membership.OrganizationId == organizationId && membership.MemberId == memberId)
            .ToListAsync(cancellationToken);
        dbContext.GroupMemberships.RemoveRange(rows);
    }
}
