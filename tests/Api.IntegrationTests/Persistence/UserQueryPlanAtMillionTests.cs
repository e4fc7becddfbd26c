using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ScimClean.Api.IntegrationTests.Infrastructure;
using ScimClean.Infrastructure.Persistence;
using ScimClean.Infrastructure.Persistence.Queries;

namespace ScimClean.Api.IntegrationTests.Persistence;

/// <summary>
/// PostgreSQL at a directory's real size: 1,000,000 users (with their emails side-table rows) bulk-inserted in SQL and
/// analyzed, then the planner, free to choose (no settings forced, no index dropped), must seek an index for Entra's
/// lookups. Prints how long the insert and each query took; asserts only on the plans.
/// </summary>
public sealed class UserQueryPlanAtMillionTests
{
    private const int UserCount = 1_000_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lookups_AtAMillionUsers_ShouldUseIndexScans()
    {
        TestDatabase.SkipUnlessPostgres("bulk-loads a million users with generate_series.");
        await using var database = TestDatabase.Create();
        await using var dbContext = database.CreateDbContext();
        await dbContext.Database.MigrateAsync(Ct);
        var organizationId = Guid.NewGuid();
        var otherOrganizationId = Guid.NewGuid();

        var insert = Stopwatch.StartNew();
        var connection = dbContext.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        await ExecuteAsync(connection, """
            -- Ids ascending like the service's version-7 GUIDs, so the key indexes grow at their end as in production.
            SET synchronous_commit = off;
            INSERT INTO "Organizations" ("Id", "Domain", "Name", "CreatedAt", "DirectorySyncEnabled") VALUES
                (@org, 'million.example', 'Million', now(), true), (@other, 'other.example', 'Other', now(), true);
            INSERT INTO "Users" ("Id", "OrganizationId", "UserName", "NormalizedUserName", "ExternalId", "DisplayName", "Active",
                                 "PasswordHash", "Version", "CreatedAt", "LastModifiedAt", "Document")
            SELECT ('01900000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, CASE WHEN i % 10 = 0 THEN @other ELSE @org END,
                   'user' || i || '@million.example', 'USER' || i || '@MILLION.EXAMPLE', 'ext-' || i, 'User ' || i, true,
                   NULL, 1, now(), now(),
                   jsonb_build_object(
                       'userName', 'user' || i || '@million.example', 'externalId', 'ext-' || i, 'displayName', 'User ' || i,
                       'active', true,
                       'emails', jsonb_build_array(jsonb_build_object(
                           'value', 'user' || i || '@million.example', 'type', 'work', 'primary', true)))
            FROM generate_series(1, @count) AS i;
            INSERT INTO "UserValues" ("UserId", "OrganizationId", "Attribute", "Type", "Value", "NormalizedValue", "IsPrimary")
            SELECT "Id", "OrganizationId", 'emails', 'work', "UserName", "NormalizedUserName", true FROM "Users";
            ANALYZE "Users";
            ANALYZE "UserValues";
            """,
            ("org", organizationId), ("other", otherOrganizationId), ("count", UserCount));
        Report($"inserted {UserCount:N0} users and their emails, analyzed: {insert.Elapsed.TotalSeconds:0.0} s");

        await AssertIndexScanAsync(dbContext, organizationId, "userName eq \"user777777@million.example\"", "IX_Users_OrganizationId_NormalizedUserName");
        await AssertIndexScanAsync(dbContext, organizationId, "externalId eq \"ext-777777\"", "IX_Users_OrganizationId_ExternalId");
        await AssertIndexScanAsync(
            dbContext, organizationId, "emails[type eq \"work\"].value eq \"user777777@million.example\"", "IX_UserValues_OrganizationId_Attribute_NormalizedValue");
    }

    private static async Task AssertIndexScanAsync(ScimCleanDbContext dbContext, Guid organizationId, string filter, string index)
    {
        var sql = new UserQueries(dbContext).Build(organizationId, PersistenceDatabase.Query(filter));
        var connection = dbContext.Database.GetDbConnection();
        foreach (var statement in new[] { sql.PageSql, sql.FilterSql })
        {
            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN " + statement;
            explain.Parameters.AddRange(sql.CreateParameters());
            var plan = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync(Ct))
            {
                while (await reader.ReadAsync(Ct))
                {
                    plan.Add(reader.GetString(0));
                }
            }

            await using var query = connection.CreateCommand();
            query.CommandText = statement;
            query.Parameters.AddRange(sql.CreateParameters());
            var timer = Stopwatch.StartNew();
            var rows = 0;
            await using (var reader = await query.ExecuteReaderAsync(Ct))
            {
                while (await reader.ReadAsync(Ct))
                {
                    rows++;
                }
            }

            Report($"{filter}: {rows} row(s) in {timer.Elapsed.TotalMilliseconds:0.0} ms{Environment.NewLine}{string.Join(Environment.NewLine, plan)}");
            Assert.Contains(plan, line => line.Contains(index, StringComparison.Ordinal) && line.Contains("Index", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, line => line.Contains("Seq Scan", StringComparison.Ordinal));
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 900;
        foreach (var (name, value) in parameters)
        {
            TestDatabase.AddParameter(command, name, value);
        }

        await command.ExecuteNonQueryAsync(Ct);
    }

    private static void Report(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);
}
