using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ScimClean.Infrastructure.Persistence;
using ScimClean.Infrastructure.Persistence.Queries;
using ScimClean.Infrastructure.Persistence.Querying;

namespace ScimClean.Api.IntegrationTests.Persistence;

/// <summary>
/// The lookups Entra ID runs before every create must be index seeks, never a scan of the users.
/// SQLite: <c>EXPLAIN QUERY PLAN</c> must name the index and show no SCAN. PostgreSQL: on a handful of rows every plan
/// costs the same, so the question asked is whether the index <em>can</em> serve the generated SQL (parameter types and
/// collations matching the column): inside a transaction that is rolled back, with <c>enable_seqscan = off</c> and the
/// other secondary indexes of the two tables dropped, the plan must use the index and contain no Seq Scan. Which index
/// wins at scale is the statistics' choice (UserQueriesScaleTests reports the timings at 100,000 users).
/// </summary>
public sealed class UserQueryPlanTests(UserQueryDatabase database) : IClassFixture<UserQueryDatabase>
{
    [Theory]
    [InlineData("userName eq \"alice@contoso.com\"", "IX_Users_OrganizationId_NormalizedUserName")]
    [InlineData("emails[type eq \"work\"].value eq \"alice@contoso.com\"", "IX_UserValues_OrganizationId_Attribute_NormalizedValue")]
    [InlineData("emails.value eq \"alice@contoso.com\"", "IX_UserValues_OrganizationId_Attribute_NormalizedValue")]
    [InlineData("externalId eq \"EXT-Alice\"", "IX_Users_OrganizationId_ExternalId")]
    public async Task Lookup_ShouldUseAnIndex(string filter, string index)
    {
        await using var dbContext = database.CreateDbContext();
        var sql = new UserQueries(dbContext).Build(database.OrganizationA, PersistenceDatabase.Query(filter));

        foreach (var statement in new[] { sql.PageSql, sql.FilterSql })
        {
            var postgres = dbContext.Database.IsNpgsql();
            var plan = postgres
                ? await ExplainPostgresAsync(dbContext, statement, sql, index)
                : await ExplainSqliteAsync(dbContext, statement, sql);
            var text = string.Join(Environment.NewLine, plan);
            TestContext.Current.TestOutputHelper?.WriteLine($"{statement}{Environment.NewLine}{text}{Environment.NewLine}");

            if (postgres)
            {
                Assert.Contains(plan, line => line.Contains(index, StringComparison.Ordinal));
                Assert.DoesNotContain(plan, line => line.Contains("Seq Scan", StringComparison.Ordinal));
            }
            else
            {
                Assert.Contains(plan, line => line.Contains(index, StringComparison.Ordinal)
                    && (line.Contains("USING INDEX", StringComparison.Ordinal) || line.Contains("USING COVERING INDEX", StringComparison.Ordinal)));
                Assert.DoesNotContain(plan, line => line.StartsWith("SCAN", StringComparison.Ordinal));
            }
        }
    }

    private static async Task<List<string>> ExplainSqliteAsync(ScimCleanDbContext dbContext, string statement, ResourceSqlQuery sql)
    {
        var connection = dbContext.Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + statement;
        command.Parameters.AddRange(sql.CreateParameters());
        return await ReadColumnAsync(command, 3);
    }

    private static async Task<List<string>> ExplainPostgresAsync(ScimCleanDbContext dbContext, string statement, ResourceSqlQuery sql, string index)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var connection = dbContext.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var setting = connection.CreateCommand())
        {
            setting.Transaction = transaction;
            setting.CommandText = """
                SET LOCAL enable_seqscan = off;
                DO $$
                DECLARE other text;
                BEGIN
                    FOR other IN SELECT indexname FROM pg_indexes
                                 WHERE tablename IN ('Users', 'UserValues') AND indexname LIKE 'IX\_%' AND indexname <> '{index}'
                    LOOP
                        EXECUTE format('DROP INDEX %I', other);
                    END LOOP;
                END $$;
                """.Replace("{index}", index, StringComparison.Ordinal);
            await setting.ExecuteNonQueryAsync(cancellationToken);
        }

        await using DbCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "EXPLAIN " + statement;
        command.Parameters.AddRange(sql.CreateParameters());
        var plan = await ReadColumnAsync(command, 0);
        await transaction.RollbackAsync(cancellationToken);
        return plan;
    }

    private static async Task<List<string>> ReadColumnAsync(DbCommand command, int column)
    {
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            lines.Add(reader.GetString(column));
        }

        return lines;
    }
}
