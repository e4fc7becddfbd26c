using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using ScimClean.Api.IntegrationTests.Infrastructure;

namespace ScimClean.Api.IntegrationTests.Scim.Groups;

/// <summary>
/// A service of its own with one group of <see cref="MemberCount"/> users, written straight into its SQLite file
/// in one transaction of prepared inserts (the group itself and two spare users come through the API).
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
        await using var connection = new SqliteConnection($"Data Source={Factory.DatabasePath};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        var group = MembershipRows.Key(GroupId);
        string organization;
        await using (var find = connection.CreateCommand())
        {
            find.CommandText = """SELECT "OrganizationId" FROM "Groups" WHERE "Id" = $id""";
            find.Parameters.AddWithValue("$id", group);
            organization = (string)(await find.ExecuteScalarAsync(cancellationToken))!;
        }

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

        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var index = 0; index < MemberCount; index++)
        {
            var created = start.AddSeconds(index);
            var at = created.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
            var id = Guid.CreateVersion7(created);
            var key = id.ToString().ToUpperInvariant();
            var name = $"member{index.ToString(CultureInfo.InvariantCulture)}@{Directory.Domain}";
            userId.Value = key;
            userName.Value = name;
            normalized.Value = name.ToUpperInvariant();
            displayName.Value = $"Member {index.ToString(CultureInfo.InvariantCulture)}";
            userAt.Value = at;
            document.Value = $$"""{"userName":"{{name}}","displayName":"Member {{index}}","active":true}""";
            await insertUser.ExecuteNonQueryAsync(cancellationToken);

            memberId.Value = key;
            memberAt.Value = at;
            await insertMembership.ExecuteNonQueryAsync(cancellationToken);

            if (index % 10_000 == 1)
            {
                SampleMemberIds.Add(id.ToString());
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
