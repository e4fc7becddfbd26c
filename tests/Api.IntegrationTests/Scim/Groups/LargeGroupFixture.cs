using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using ScimClean.Api.IntegrationTests.Infrastructure;

namespace ScimClean.Api.IntegrationTests.Scim.Groups;

/// <summary>
/// A service of its own with one group of <see cref="MemberCount"/> users, written straight into its database
/// in one transaction: prepared inserts on SQLite, binary COPY on PostgreSQL (the group itself and two spare users come through the API).
/// </summary>
public sealed class LargeGroupFixture : IAsyncLifetime
{
    public const int MemberCount = 50_000;

    public ScimCleanApiFactory Factory { get; } = new();

    public ScimDirectory Directory { get; private set; } = null!;

    public string GroupId { get; private set; } = null!;

    /// <summary>Users of the organization that are not members, for adds.</summary>
    public List<string> SpareUserIds { get; private set; } = [];

    /// <summary>Some of the bulk-inserted members, for removes.</summary>
    public List<string> SampleMemberIds { get; } = [];

    public TimeSpan BuildTime { get; private set; }

    public async ValueTask InitializeAsync()
    {
        Directory = await ScimDirectory.CreateAsync(Factory);
        GroupId = await Directory.CreateGroupIdAsync("All Staff");
        SpareUserIds = await Directory.CreateUsersAsync(2);

        var timer = Stopwatch.StartNew();
        await BulkInsertMembersAsync(TestContext.Current.CancellationToken);
        BuildTime = timer.Elapsed;
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();

    private async Task BulkInsertMembersAsync(CancellationToken cancellationToken)
    {
        var database = Factory.Database;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var group = database.Key(GroupId);
        object organization;
        await using (var find = connection.CreateCommand())
        {
            find.CommandText = """SELECT "OrganizationId" FROM "Groups" WHERE "Id" = @id""";
            TestDatabase.AddParameter(find, "@id", group);
            organization = (await find.ExecuteScalarAsync(cancellationToken))!;
        }

        var members = Enumerable.Range(0, MemberCount).Select(NewMember).ToList();
        if (connection is NpgsqlConnection postgres)
        {
            await CopyMembersAsync(postgres, (Guid)group, (Guid)organization, members, cancellationToken);
        }
        else
        {
            await InsertMembersAsync((SqliteConnection)connection, (string)group, (string)organization, members, cancellationToken);
        }

        for (var index = 1; index < MemberCount; index += 10_000)
        {
            SampleMemberIds.Add(members[index].Id.ToString());
        }
    }

    private Member NewMember(int index)
    {
        var created = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(index);
        var name = $"member{index.ToString(CultureInfo.InvariantCulture)}@{Directory.Domain}";
        return new Member(
            Guid.CreateVersion7(created),
            name,
            $"Member {index.ToString(CultureInfo.InvariantCulture)}",
            created.UtcDateTime,
            $$"""{"userName":"{{name}}","displayName":"Member {{index}}","active":true}""");
    }

    private static async Task InsertMembersAsync(
        SqliteConnection connection, string group, string organization, List<Member> members, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var insertUser = connection.CreateCommand();
        insertUser.Transaction = transaction;
        insertUser.CommandText = """
            INSERT INTO "Users" ("Id", "OrganizationId", "UserName", "NormalizedUserName", "ExternalId", "DisplayName", "Active",
                                 "PasswordHash", "Version", "CreatedAt", "LastModifiedAt", "Document")
            VALUES ($id, $org, $userName, $normalized, NULL, $displayName, 1, NULL, 1, $at, $at, $document)
            """;
        var userId = insertUser.Parameters.Add("$id", SqliteType.Text);
        insertUser.Parameters.AddWithValue("$org", organization);
        var userName = insertUser.Parameters.Add("$userName", SqliteType.Text);
        var normalized = insertUser.Parameters.Add("$normalized", SqliteType.Text);
        var displayName = insertUser.Parameters.Add("$displayName", SqliteType.Text);
        var userAt = insertUser.Parameters.Add("$at", SqliteType.Text);
        var document = insertUser.Parameters.Add("$document", SqliteType.Text);

        await using var insertMembership = connection.CreateCommand();
        insertMembership.Transaction = transaction;
        insertMembership.CommandText = """
            INSERT INTO "GroupMemberships" ("GroupId", "MemberId", "MemberType", "OrganizationId", "AddedAt")
            VALUES ($group, $member, 'User', $org, $at)
            """;
        insertMembership.Parameters.AddWithValue("$group", group);
        var memberId = insertMembership.Parameters.Add("$member", SqliteType.Text);
        insertMembership.Parameters.AddWithValue("$org", organization);
        var memberAt = insertMembership.Parameters.Add("$at", SqliteType.Text);

        foreach (var member in members)
        {
            var at = member.CreatedAt.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
            var key = member.Id.ToString().ToUpperInvariant();
            userId.Value = key;
            userName.Value = member.UserName;
            normalized.Value = member.UserName.ToUpperInvariant();
            displayName.Value = member.DisplayName;
            userAt.Value = at;
            document.Value = member.Document;
            await insertUser.ExecuteNonQueryAsync(cancellationToken);

            memberId.Value = key;
            memberAt.Value = at;
            await insertMembership.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>PostgreSQL: binary COPY, the bulk path (row-by-row inserts would take minutes over the wire).</summary>
    private static async Task CopyMembersAsync(
        NpgsqlConnection connection, Guid group, Guid organization, List<Member> members, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var users = await connection.BeginBinaryImportAsync(
            """
            COPY "Users" ("Id", "OrganizationId", "UserName", "NormalizedUserName", "DisplayName", "Active", "Version",
                          "CreatedAt", "LastModifiedAt", "Document") FROM STDIN (FORMAT BINARY)
            """,
            cancellationToken))
        {
            foreach (var member in members)
            {
                await users.StartRowAsync(cancellationToken);
                await users.WriteAsync(member.Id, NpgsqlDbType.Uuid, cancellationToken);
                await users.WriteAsync(organization, NpgsqlDbType.Uuid, cancellationToken);
                await users.WriteAsync(member.UserName, NpgsqlDbType.Varchar, cancellationToken);
                await users.WriteAsync(member.UserName.ToUpperInvariant(), NpgsqlDbType.Varchar, cancellationToken);
                await users.WriteAsync(member.DisplayName, NpgsqlDbType.Text, cancellationToken);
                await users.WriteAsync(true, NpgsqlDbType.Boolean, cancellationToken);
                await users.WriteAsync(1L, NpgsqlDbType.Bigint, cancellationToken);
                await users.WriteAsync(member.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
                await users.WriteAsync(member.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
                await users.WriteAsync(member.Document, NpgsqlDbType.Jsonb, cancellationToken);
            }

            await users.CompleteAsync(cancellationToken);
        }

        await using (var memberships = await connection.BeginBinaryImportAsync(
            """
            COPY "GroupMemberships" ("GroupId", "MemberId", "MemberType", "OrganizationId", "AddedAt") FROM STDIN (FORMAT BINARY)
            """,
            cancellationToken))
        {
            foreach (var member in members)
            {
                await memberships.StartRowAsync(cancellationToken);
                await memberships.WriteAsync(group, NpgsqlDbType.Uuid, cancellationToken);
                await memberships.WriteAsync(member.Id, NpgsqlDbType.Uuid, cancellationToken);
                await memberships.WriteAsync("User", NpgsqlDbType.Varchar, cancellationToken);
                await memberships.WriteAsync(organization, NpgsqlDbType.Uuid, cancellationToken);
                await memberships.WriteAsync(member.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await memberships.CompleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE";
        await analyze.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed record Member(Guid Id, string UserName, string DisplayName, DateTime CreatedAt, string Document);
}
