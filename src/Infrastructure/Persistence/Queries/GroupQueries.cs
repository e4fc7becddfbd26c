using ScimClean.Application.Groups;
using ScimClean.Application.Scim.Querying;
using ScimClean.Domain.Groups;
using ScimClean.Infrastructure.Persistence.Querying;

namespace ScimClean.Infrastructure.Persistence.Queries;

/// <summary>Lists groups with filter, sort and page in the database, the same way as users.</summary>
internal sealed class GroupQueries(ScimCleanDbContext dbContext, GroupMemberReader members) : IGroupQueries
{
    public async Task<ResourcePage<Group>> ListAsync(Guid organizationId, ResourceQuery query, CancellationToken cancellationToken)
    {
        var sql = Build(organizationId, query);
        var total = await dbContext.Groups
            .FromSqlRaw(ResourceSqlQuery.ForFromSqlRaw(sql.FilterSql), sql.CreateParameters())
            .CountAsync(cancellationToken);
        if (query.Count <= 0 || total == 0 || query.StartIndex > total)
        {
            return new ResourcePage<Group>(total, []);
        }

        var groups = await dbContext.Groups
            .FromSqlRaw(ResourceSqlQuery.ForFromSqlRaw(sql.PageSql), sql.CreateParameters())
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return new ResourcePage<Group>(total, groups);
    }

    public Task<IReadOnlyDictionary<Guid, IReadOnlyList<GroupMemberView>>> ListMembersAsync(
        Guid organizationId,
        IReadOnlyCollection<Guid> groupIds,
        CancellationToken cancellationToken) =>
        members.ListMembersAsync(organizationId, groupIds, cancellationToken);

    internal ResourceSqlQuery Build(Guid organizationId, ResourceQuery query) =>
        ResourceSqlQueryBuilder.Build(GroupTableMapping.Instance, SqlDialect.For(dbContext), organizationId, query);
}
