using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using ScimClean.Application.Users;
using ScimClean.Domain.Users;
using ScimClean.Infrastructure.Persistence.Configurations;
using ScimClean.Infrastructure.Persistence.Querying;

namespace ScimClean.Infrastructure.Persistence.Sqlite;

/// <summary>
/// The hottest user reads on SQLite, run on kept connections with kept statements (see
/// <see cref="SqliteReadConnections"/>) and read into users without EF Core's materializer. The SQL reads the
/// tables EF Core's model maps; the integration tests run every user read through it.
/// </summary>
internal sealed class SqliteUserReader(SqliteReadConnections connections)
{
    private const string GroupsOfSql =
        "SELECT m.GroupId, g.DisplayName FROM GroupMemberships AS m INNER JOIN Groups AS g ON m.GroupId = g.Id " +
        "WHERE m.OrganizationId = $organizationId AND m.MemberId = $memberId ORDER BY g.NormalizedDisplayName";

    private const string GroupsOfManySql =
        "SELECT m.MemberId, m.GroupId, g.DisplayName FROM GroupMemberships AS m INNER JOIN Groups AS g ON m.GroupId = g.Id " +
        "WHERE m.OrganizationId = $organizationId AND m.MemberId IN (SELECT value FROM json_each($memberIds)) " +
        "ORDER BY g.NormalizedDisplayName";

    // GET /Users/{id}: the user's stored document (Part 0) and its groups (Part 1) in one statement, so one step of the
    // kept statement and one read transaction instead of two. The group rows put the group's id and display name in
    // the Id and Document columns.
    private const string FindDocumentSql =
        "SELECT 0 AS Part, Id, Version, CreatedAt, LastModifiedAt, Document, NULL AS SortKey FROM Users " +
        "WHERE OrganizationId = $organizationId AND Id = $id " +
        "UNION ALL SELECT 1, m.GroupId, NULL, NULL, NULL, g.DisplayName, g.NormalizedDisplayName " +
        "FROM GroupMemberships AS m INNER JOIN Groups AS g ON m.GroupId = g.Id " +
        "WHERE m.OrganizationId = $organizationId AND m.MemberId = $id ORDER BY 1, 7";

    public async Task<StoredUserDocument?> FindDocumentAsync(Guid organizationId, Guid userId, CancellationToken cancellationToken)
    {
        using var lease = connections.Rent();
        var command = lease.Command(FindDocumentSql);
        command.Parameters.Add(Parameter("$organizationId", organizationId));
        command.Parameters.Add(Parameter("$id", userId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        // Memberships of a user that is not there (or not in this organization) are not answered either.
        if (!await reader.ReadAsync(cancellationToken) || reader.GetInt64(0) != 0)
        {
            return null;
        }

        var id = reader.GetGuid(1);
        var version = reader.GetInt64(2);
        var createdAt = SqliteStoredTime.Read(reader, 3);
        var lastModifiedAt = SqliteStoredTime.Read(reader, 4);
        // The text's UTF-8 bytes as SQLite holds them: no string in between, and the response is UTF-8 too.
        var document = reader.GetFieldValue<byte[]>(5);
        var groups = new List<UserGroupView>();
        while (await reader.ReadAsync(cancellationToken))
        {
            groups.Add(new UserGroupView(reader.GetGuid(1), reader.GetString(5)));
        }

        return new StoredUserDocument(id, version, createdAt, lastModifiedAt, document, groups);
    }

    public async Task<List<UserGroupView>> GroupsOfAsync(Guid organizationId, Guid userId, CancellationToken cancellationToken)
    {
        using var lease = connections.Rent();
        var command = lease.Command(GroupsOfSql);
        command.Parameters.Add(Parameter("$organizationId", organizationId));
        command.Parameters.Add(Parameter("$memberId", userId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var groups = new List<UserGroupView>();
        while (await reader.ReadAsync(cancellationToken))
        {
            groups.Add(new UserGroupView(reader.GetGuid(0), reader.GetString(1)));
        }

        return groups;
    }

    /// <summary>The groups of several users (a list page), as (member, group) rows in group display-name order.</summary>
    public async Task<List<(Guid MemberId, UserGroupView Group)>> GroupsOfAsync(
        Guid organizationId,
        IReadOnlyCollection<Guid> userIds,
        CancellationToken cancellationToken)
    {
        using var lease = connections.Rent();
        var command = lease.Command(GroupsOfManySql);
        command.Parameters.Add(Parameter("$organizationId", organizationId));
        // One JSON array rather than one parameter per id: a page of any size runs the same prepared statement. The ids
        // are in EF Core's storage format, as the dialect writes a single GUID parameter.
        command.Parameters.Add(Parameter("$memberIds", JsonSerializer.Serialize(userIds.Select(id => Parameter("id", id).Value))));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<(Guid, UserGroupView)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetGuid(0), new UserGroupView(reader.GetGuid(1), reader.GetString(2))));
        }

        return rows;
    }

    /// <summary>One page of a SCIM list query (its <see cref="ResourceSqlQuery.PageSql"/>, which selects every column).</summary>
    public async Task<List<User>> ListAsync(ResourceSqlQuery sql, CancellationToken cancellationToken)
    {
        using var lease = connections.Rent();
        var command = lease.Command(sql.PageSql);
        command.Parameters.AddRange(sql.CreateParameters());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var users = new List<User>();
        if (!await reader.ReadAsync(cancellationToken))
        {
            return users;
        }

        var ordinals = ColumnOrdinals.Of(reader);
        do
        {
            users.Add(ReadUser(reader, ordinals));
        }
        while (await reader.ReadAsync(cancellationToken));

        return users;
    }

    /// <summary>How many rows the list query's filter matches.</summary>
    public async Task<int> CountAsync(ResourceSqlQuery sql, CancellationToken cancellationToken)
    {
        using var lease = connections.Rent();
        var command = lease.Command($"SELECT COUNT(*) FROM ({sql.FilterSql}) AS matching");
        command.Parameters.AddRange(sql.CreateParameters());
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// This reader where it reads what the scope's context would: while the scope has no context, or its context has no
    /// transaction open. Inside one (a write rendering its events) the context's own connection may hold changes not yet
    /// committed.
    /// </summary>
    public static SqliteUserReader? UsableBeside(SqliteUserReader? reader, ScimCleanDbContext? scopeContext) =>
        scopeContext?.Database.CurrentTransaction is null ? reader : null;

    private static DbParameter Parameter(string name, object value) => SqliteDialect.Instance.CreateParameter(name, value);

    private static User ReadUser(DbDataReader reader, ColumnOrdinals at) => User.Restore(new StoredUser(
        reader.GetGuid(at.Id),
        reader.GetGuid(at.OrganizationId),
        reader.GetString(at.UserName),
        reader.GetString(at.NormalizedUserName),
        reader.IsDBNull(at.ExternalId) ? null : reader.GetString(at.ExternalId),
        reader.IsDBNull(at.DisplayName) ? null : reader.GetString(at.DisplayName),
        reader.GetBoolean(at.Active),
        reader.IsDBNull(at.PasswordHash) ? null : reader.GetString(at.PasswordHash),
        reader.GetInt64(at.Version),
        SqliteStoredTime.Read(reader, at.CreatedAt),
        SqliteStoredTime.Read(reader, at.LastModifiedAt),
        reader.GetString(at.Document)));

    /// <summary>Where each of a user's columns is in a result, looked up by name.</summary>
    private readonly record struct ColumnOrdinals(
        int Id,
        int OrganizationId,
        int UserName,
        int NormalizedUserName,
        int ExternalId,
        int DisplayName,
        int Active,
        int PasswordHash,
        int Version,
        int CreatedAt,
        int LastModifiedAt,
        int Document)
    {
        public static ColumnOrdinals Of(DbDataReader reader) => new(
            reader.GetOrdinal("Id"),
            reader.GetOrdinal("OrganizationId"),
            reader.GetOrdinal("UserName"),
            reader.GetOrdinal("NormalizedUserName"),
            reader.GetOrdinal("ExternalId"),
            reader.GetOrdinal("DisplayName"),
            reader.GetOrdinal("Active"),
            reader.GetOrdinal("PasswordHash"),
            reader.GetOrdinal("Version"),
            reader.GetOrdinal("CreatedAt"),
            reader.GetOrdinal("LastModifiedAt"),
            reader.GetOrdinal(UserConfiguration.DocumentColumn));
    }
}
