using ScimClean.Application.Groups;

namespace ScimClean.Infrastructure.Persistence.Queries;

/// <summary>Reads groups' members with their display names in one query per batch of groups.</summary>
internal sealed class GroupMemberReader(ScimCleanDbContext dbContext)
{
    private const int BatchSize = 500;

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<GroupMemberView>>> ListMembersAsync(
        Guid organizationId,
        IReadOnlyCollection<Guid> groupIds,
        CancellationToken cancellationToken)
    {
        var members = new Dictionary<Guid, List<GroupMemberView>>();
        foreach (var batch in groupIds.Distinct().Chunk(BatchSize))
        {
            var rows = await (
                    from membership in dbContext.GroupMemberships.AsNoTracking()
                    where membership.OrganizationId == organizationId && batch.Contains(membership.GroupId)
                    join user in dbContext.Users on membership.MemberId equals user.Id into users
                    from user in users.DefaultIfEmpty()
                    join member in dbContext.Groups on membership.MemberId equals member.Id into groups
                    from member in groups.DefaultIfEmpty()
                    orderby membership.GroupId, membership.AddedAt, membership.MemberId
                    select new
                    {
                        membership.GroupId,
                        membership.MemberId,
                        membership.MemberType,
                        Display = user != null ? user.DisplayName ?? user.UserName : member != null ? member.DisplayName : null,
                    })
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                if (!members.TryGetValue(row.GroupId, out var list))
                {
                    members[row.GroupId] = list = [];
                }

                list.Add(new GroupMemberView(row.MemberId, row.MemberType, row.Display));
            }
        }

        return members.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<GroupMemberView>)pair.Value);
    }
}
