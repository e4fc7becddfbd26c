using System.Text;
using ScimClean.Application.Scim.Querying;
using ScimClean.Application.Users;
using ScimClean.Domain.Users;
using ScimClean.Infrastructure.Persistence.Querying;
using ScimClean.Infrastructure.Persistence.Sqlite;

namespace ScimClean.Infrastructure.Persistence.Queries;

/// <summary>
/// Lists users with the filter, sort and page evaluated by the database: one COUNT over the filtered rows and one
/// page query (ORDER BY + LIMIT/OFFSET), both confined to the organization.
/// </summary>
internal sealed class UserQueries(ScopedDbContext scopedDbContext, SqliteUserReader? sqliteReader = null) : IUserQueries
{
    public UserQueries(ScimCleanDbContext dbContext, SqliteUserReader? sqliteReader = null)
        : this(ScopedDbContext.Of(dbContext), sqliteReader)
    {
    }

    // Compiled once: GET /Users/{id} is the hottest read, and translating its LINQ on every call cost more than the
    // query itself. EF recompiles it if a context with another model (another provider) runs it.
    private static readonly Func<ScimCleanDbContext, Guid, Guid, CancellationToken, Task<StoredUserRow?>> FindDocument =
        EF.CompileAsyncQuery((ScimCleanDbContext db, Guid organizationId, Guid userId, CancellationToken _) =>
            db.Users
                .Where(user => user.OrganizationId == organizationId && user.Id == userId)
                .Select(user => new StoredUserRow(
                    user.Id,
                    user.Version,
                    user.CreatedAt,
                    user.LastModifiedAt,
                    EF.Property<string>(user, UserValueIndexer.DocumentProperty)))
                .FirstOrDefault());

    private SqliteUserReader? FastReader => SqliteUserReader.UsableBeside(sqliteReader, scopedDbContext.IfCreated);

    private ScimCleanDbContext DbContext => scopedDbContext.Context;

    public async Task<StoredUserDocument?> FindDocumentAsync(Guid organizationId, Guid userId, CancellationToken cancellationToken)
    {
        if (FastReader is { } reader)
        {
            return await reader.FindDocumentAsync(organizationId, userId, cancellationToken);
        }

        var row = await FindDocument(DbContext, organizationId, userId, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var groups = await UserGroupQueries.GroupsOfOneUser(DbContext, organizationId, userId).ToListAsync(cancellationToken);
        return new StoredUserDocument(
            row.Id, row.Version, row.CreatedAt, row.LastModifiedAt, Encoding.UTF8.GetBytes(row.Document), groups);
    }

    public async Task<ResourcePage<User>> ListAsync(Guid organizationId, ResourceQuery query, CancellationToken cancellationToken)
    {
        var sql = Build(organizationId, query);
        if (query.Count > 0)
        {
            var page = FastReader is { } reader
                ? await reader.ListAsync(sql, cancellationToken)
                : await DbContext.Users
                    .FromSqlRaw(ResourceSqlQuery.ForFromSqlRaw(sql.PageSql), sql.CreateParameters())
                    .AsNoTracking()
                    .ToListAsync(cancellationToken);
            // A page that is not full and not past the end is the last one: it tells the total without a COUNT. This is
            // Entra's "userName eq ..." lookup, the most frequent list request, answered with one query instead of two.
            if (page.Count > 0 && page.Count < query.Count)
            {
                return new ResourcePage<User>(query.StartIndex - 1 + page.Count, page);
            }

            if (page.Count == 0 && query.StartIndex <= 1)
            {
                return new ResourcePage<User>(0, page);
            }

            var fullTotal = await CountAsync(sql, cancellationToken);
            return new ResourcePage<User>(fullTotal, page);
        }

        return new ResourcePage<User>(await CountAsync(sql, cancellationToken), []);
    }

    private Task<int> CountAsync(ResourceSqlQuery sql, CancellationToken cancellationToken) =>
        FastReader is { } reader
            ? reader.CountAsync(sql, cancellationToken)
            : DbContext.Users
            .FromSqlRaw(ResourceSqlQuery.ForFromSqlRaw(sql.FilterSql), sql.CreateParameters())
            .CountAsync(cancellationToken);

    /// <summary>The SQL <see cref="ListAsync"/> runs (tests inspect its query plan).</summary>
    internal ResourceSqlQuery Build(Guid organizationId, ResourceQuery query) =>
        ResourceSqlQueryBuilder.Build(UserTableMapping.Instance, Dialect, organizationId, query);

    // The kept-connection reader exists on SQLite only; knowing that, a list on it rents no context for the dialect.
    private SqlDialect Dialect => sqliteReader is not null ? SqliteDialect.Instance : SqlDialect.For(DbContext);
}

/// <summary>The columns <see cref="UserQueries.FindDocumentAsync"/> reads through EF Core.</summary>
internal sealed record StoredUserRow(Guid Id, long Version, DateTimeOffset CreatedAt, DateTimeOffset LastModifiedAt, string Document);
