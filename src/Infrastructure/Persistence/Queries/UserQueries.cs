using ScimClean.Application.Scim.Querying;
using ScimClean.Application.Users;
using ScimClean.Domain.Users;
using ScimClean.Infrastructure.Persistence.Querying;

namespace ScimClean.Infrastructure.Persistence.Queries;

/// <summary>
/// Lists users with the filter, sort and page evaluated by the database: one COUNT over the filtered rows and one
/// page query (ORDER BY + LIMIT/OFFSET), both confined to the organization.
/// </summary>
internal sealed class UserQueries(ScimCleanDbContext dbContext) : IUserQueries
{
    public Task<User?> FindAsync(Guid organizationId, Guid userId, CancellationToken cancellationToken) =>
        dbContext.Users.AsNoTracking()
            .FirstOrDefaultAsync(user => user.OrganizationId == organizationId && user.Id == userId, cancellationToken);

    public async Task<ResourcePage<User>> ListAsync(Guid organizationId, ResourceQuery query, CancellationToken cancellationToken)
    {
        var sql = Build(organizationId, query);
        var total = await dbContext.Users
            .FromSqlRaw(ResourceSqlQuery.ForFromSqlRaw(sql.FilterSql), sql.CreateParameters())
            .CountAsync(cancellationToken);
        if (query.Count <= 0 || total == 0 || query.StartIndex > total)
        {
            return new ResourcePage<User>(total, []);
        }

        var users = await dbContext.Users
            .FromSqlRaw(ResourceSqlQuery.ForFromSqlRaw(sql.PageSql), sql.CreateParameters())
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return new ResourcePage<User>(total, users);
    }

    /// <summary>The SQL <see cref="ListAsync"/> runs (tests inspect its query plan).</summary>
    internal ResourceSqlQuery Build(Guid organizationId, ResourceQuery query) =>
        ResourceSqlQueryBuilder.Build(UserTableMapping.Instance, SqlDialect.For(dbContext.Database), organizationId, query);
}
