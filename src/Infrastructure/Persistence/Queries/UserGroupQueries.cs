using ScimClean.Application.Users;
using ScimClean.Infrastructure.Persistence.Sqlite;

namespace ScimClean.Infrastructure.Persistence.Queries;

internal sealed class UserGroupQueries(ScopedDbContext scopedDbContext, SqliteUserReader? sqliteReader = null) : IUserGroupQueries
{
    public UserGroupQueries(ScimCleanDbContext dbContext, SqliteUserReader? sqliteReader = null)
        : this(ScopedDbContext.Of(dbContext), sqliteReader)
    {
    }

    private const int BatchSize = 500;

    // One user's groups (GET /Users/{id}, a write's answer): an equality on one id, no IN list to expand. Compiled
    // once, since building the join's expression tree on every call allocated more than the rest of the request.
    internal static readonly Func<ScimCleanDbContext, Guid, Guid, IAsyncEnumerable<UserGroupView>> GroupsOfOneUser =
        EF.CompileAsyncQuery((ScimCleanDbContext db, Guid organizationId, Guid userId) =>
            from membership in db.GroupMemberships.AsNoTracking()
            where membership.OrganizationId == organizationId && membership.MemberId == userId
            join grp in db.Groups on membership.GroupId equals grp.Id
            orderby grp.NormalizedDisplayName
            select new UserGroupView(membership.GroupId, grp.DisplayName));

    private SqliteUserReader? FastReader => SqliteUserReader.UsableBeside(sqliteReader, scopedDbContext.IfCreated);

    private ScimCleanDbContext DbContext => scopedDbContext.Context;

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<UserGroupView>>> ListGroupsOfAsync(
        Guid organizationId,
        IReadOnlyCollection<Guid> userIds,
        CancellationToken cancellationToken)
    {
        var groupsOf = new Dictionary<Guid, List<UserGroupView>>();
        if (userIds.Count == 1)
        {
            var userId = userIds.First();
            var views = FastReader is { } oneUserReader
                ? await oneUserReader.GroupsOfAsync(organizationId, userId, cancellationToken)
                : await GroupsOfOneUser(DbContext, organizationId, userId).ToListAsync(cancellationToken);

            return views.Count == 0
                ? new Dictionary<Guid, IReadOnlyList<UserGroupView>>()
                : new Dictionary<Guid, IReadOnlyList<UserGroupView>> { [userId] = views };
        }

        var rows = FastReader is { } reader
            ? await reader.GroupsOfAsync(organizationId, userIds, cancellationToken)
            : await ReadInBatchesAsync(organizationId, userIds, cancellationToken);
        foreach (var (memberId, group) in rows)
        {
            if (!groupsOf.TryGetValue(memberId, out var list))
            {
                groupsOf[memberId] = list = [];
            }

            list.Add(group);
        }

        return groupsOf.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<UserGroupView>)pair.Value);
    }

    private async Task<List<(Guid MemberId, UserGroupView Group)>> ReadInBatchesAsync(
        Guid organizationId,
        IReadOnlyCollection<Guid> userIds,
        CancellationToken cancellationToken)
    {
        var rows = new List<(Guid, UserGroupView)>();
        foreach (var batch in userIds.Distinct().Chunk(BatchSize))
        {
            var batchRows = await (
                    from membership in DbContext.GroupMemberships.AsNoTracking()
                    where membership.OrganizationId == organizationId && batch.Contains(membership.MemberId)
                    join grp in DbContext.Groups on membership.GroupId equals grp.Id
                    orderby grp.NormalizedDisplayName
                    select new { membership.MemberId, membership.GroupId, grp.DisplayName })
                .ToListAsync(cancellationToken);
            rows.AddRange(batchRows.Select(row => (row.MemberId, new UserGroupView(row.GroupId, row.DisplayName))));
        }

        return rows;
    }
}
