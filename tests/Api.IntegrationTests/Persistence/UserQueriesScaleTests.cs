using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using ScimClean.Infrastructure.Persistence.Queries;

namespace ScimClean.Api.IntegrationTests.Persistence;

/// <summary>Reports (never asserts) lookup times at 100,000 users; the plan tests are what guard index use.</summary>
public sealed class UserQueriesScaleTests(PersistenceDatabase database) : IClassFixture<PersistenceDatabase>
{
    private const int UserCount = 100_000;

    [Fact]
    public async Task Lookups_At100kUsers_ReportTimings()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var organizationId = await database.AddOrganizationAsync("scale.example", now);

        var insert = Stopwatch.StartNew();
        await BulkInsertAsync(organizationId, now, cancellationToken);
        insert.Stop();
        Log($"bulk insert of {UserCount:N0} users (+ email rows): {insert.ElapsedMilliseconds} ms");

        await using var dbContext = database.CreateDbContext();
        var queries = new UserQueries(dbContext);
        foreach (var filter in new[]
        {
            "userName eq \"user77777@scale.example\"",
            "emails[type eq \"work\"].value eq \"USER77777@scale.example\"",
            "externalId eq \"ext-77777\"",
        })
        {
            await queries.ListAsync(organizationId, PersistenceDatabase.Query(filter), cancellationToken);
            var timer = Stopwatch.StartNew();
            const int runs = 20;
            var total = 0;
            for (var run = 0; run < runs; run++)
            {
                total = (await queries.ListAsync(organizationId, PersistenceDatabase.Query(filter), cancellationToken)).TotalResults;
            }

            timer.Stop();
            Log($"{filter}: {timer.Elapsed.TotalMilliseconds / runs:F2} ms per list (count + page), {total} match(es)");
            Assert.Equal(1, total);
        }

        var page = Stopwatch.StartNew();
        var lastPage = await queries.ListAsync(organizationId, PersistenceDatabase.Query(null, startIndex: UserCount - 99, count: 100), cancellationToken);
        page.Stop();
        Log($"unfiltered last page of 100 (OFFSET {UserCount - 100}): {page.ElapsedMilliseconds} ms, total {lastPage.TotalResults}");
        Assert.Equal(100, lastPage.Resources.Count);
    }

    private async Task BulkInsertAsync(Guid organizationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var dbContext = database.CreateDbContext();
        var connection = dbContext.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        if (connection is NpgsqlConnection postgres)
        {
            await CopyAsync(postgres, organizationId, now, cancellationToken);
        }
        else
        {
            await InsertAsync((SqliteConnection)connection, organizationId, now, cancellationToken);
        }

        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE";
        await analyze.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task InsertAsync(SqliteConnection connection, Guid organizationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);

        await using var insertUser = connection.CreateCommand();
        insertUser.Transaction = transaction;
        insertUser.CommandText = """
            INSERT INTO "Users" ("Id", "OrganizationId", "UserName", "NormalizedUserName", "ExternalId", "DisplayName", "Active",
                                 "PasswordHash", "Version", "CreatedAt", "LastModifiedAt", "Document")
            VALUES ($id, $org, $userName, $normalized, $externalId, $displayName, 1, NULL, 1, $at, $at, $document)
            """;
        var id = insertUser.Parameters.Add("$id", SqliteType.Text);
        insertUser.Parameters.AddWithValue("$org", organizationId.ToString().ToUpperInvariant());
        var userName = insertUser.Parameters.Add("$userName", SqliteType.Text);
        var normalized = insertUser.Parameters.Add("$normalized", SqliteType.Text);
        var externalId = insertUser.Parameters.Add("$externalId", SqliteType.Text);
        var displayName = insertUser.Parameters.Add("$displayName", SqliteType.Text);
        var at = insertUser.Parameters.Add("$at", SqliteType.Text);
        var document = insertUser.Parameters.Add("$document", SqliteType.Text);

        await using var insertValue = connection.CreateCommand();
        insertValue.Transaction = transaction;
        insertValue.CommandText = """
            INSERT INTO "UserValues" ("UserId", "OrganizationId", "Attribute", "Type", "Value", "NormalizedValue", "IsPrimary")
            VALUES ($userId, $org, 'emails', 'work', $value, $normalizedValue, 1)
            """;
        var userId = insertValue.Parameters.Add("$userId", SqliteType.Text);
        insertValue.Parameters.AddWithValue("$org", organizationId.ToString().ToUpperInvariant());
        var value = insertValue.Parameters.Add("$value", SqliteType.Text);
        var normalizedValue = insertValue.Parameters.Add("$normalizedValue", SqliteType.Text);

        for (var index = 0; index < UserCount; index++)
        {
            var created = now.AddSeconds(index);
            var number = index.ToString(CultureInfo.InvariantCulture);
            var name = $"user{number}@scale.example";
            var userGuid = Guid.CreateVersion7(created).ToString().ToUpperInvariant();
            id.Value = userGuid;
            userName.Value = name;
            normalized.Value = name.ToUpperInvariant();
            externalId.Value = "ext-" + number;
            displayName.Value = "User " + number;
            at.Value = created.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
            document.Value = $$"""{"userName":"{{name}}","externalId":"ext-{{number}}","displayName":"User {{number}}","emails":[{"value":"{{name}}","type":"work","primary":true}],"active":true}""";
            await insertUser.ExecuteNonQueryAsync(cancellationToken);

            userId.Value = userGuid;
            value.Value = name;
            normalizedValue.Value = name.ToUpperInvariant();
            await insertValue.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>PostgreSQL: the same rows through binary COPY.</summary>
    private static async Task CopyAsync(NpgsqlConnection connection, Guid organizationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var ids = new Guid[UserCount];
        await using (var users = await connection.BeginBinaryImportAsync(
            """
            COPY "Users" ("Id", "OrganizationId", "UserName", "NormalizedUserName", "ExternalId", "DisplayName", "Active",
                          "Version", "CreatedAt", "LastModifiedAt", "Document") FROM STDIN (FORMAT BINARY)
            """,
            cancellationToken))
        {
            for (var index = 0; index < UserCount; index++)
            {
                var created = now.AddSeconds(index);
                var number = index.ToString(CultureInfo.InvariantCulture);
                var name = $"user{number}@scale.example";
                ids[index] = Guid.CreateVersion7(created);
                await users.StartRowAsync(cancellationToken);
                await users.WriteAsync(ids[index], NpgsqlDbType.Uuid, cancellationToken);
                await users.WriteAsync(organizationId, NpgsqlDbType.Uuid, cancellationToken);
                await users.WriteAsync(name, NpgsqlDbType.Varchar, cancellationToken);
                await users.WriteAsync(name.ToUpperInvariant(), NpgsqlDbType.Varchar, cancellationToken);
                await users.WriteAsync("ext-" + number, NpgsqlDbType.Text, cancellationToken);
                await users.WriteAsync("User " + number, NpgsqlDbType.Text, cancellationToken);
                await users.WriteAsync(true, NpgsqlDbType.Boolean, cancellationToken);
                await users.WriteAsync(1L, NpgsqlDbType.Bigint, cancellationToken);
                await users.WriteAsync(created.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
                await users.WriteAsync(created.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
                await users.WriteAsync(
                    $$"""{"userName":"{{name}}","externalId":"ext-{{number}}","displayName":"User {{number}}","emails":[{"value":"{{name}}","type":"work","primary":true}],"active":true}""",
                    NpgsqlDbType.Jsonb,
                    cancellationToken);
            }

            await users.CompleteAsync(cancellationToken);
        }

        await using (var values = await connection.BeginBinaryImportAsync(
            """
            COPY "UserValues" ("UserId", "OrganizationId", "Attribute", "Type", "Value", "NormalizedValue", "IsPrimary")
            FROM STDIN (FORMAT BINARY)
            """,
            cancellationToken))
        {
            for (var index = 0; index < UserCount; index++)
            {
                var name = $"user{index.ToString(CultureInfo.InvariantCulture)}@scale.example";
                await values.StartRowAsync(cancellationToken);
                await values.WriteAsync(ids[index], NpgsqlDbType.Uuid, cancellationToken);
                await values.WriteAsync(organizationId, NpgsqlDbType.Uuid, cancellationToken);
                await values.WriteAsync("emails", NpgsqlDbType.Varchar, cancellationToken);
                await values.WriteAsync("work", NpgsqlDbType.Varchar, cancellationToken);
                await values.WriteAsync(name, NpgsqlDbType.Varchar, cancellationToken);
                await values.WriteAsync(name.ToUpperInvariant(), NpgsqlDbType.Varchar, cancellationToken);
                await values.WriteAsync(true, NpgsqlDbType.Boolean, cancellationToken);
            }

            await values.CompleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static void Log(string message) => TestContext.Current.TestOutputHelper?.WriteLine(message);
}
