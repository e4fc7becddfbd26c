using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ScimClean.Infrastructure.Persistence;
using ScimClean.Infrastructure.Persistence.Queries;
using ScimClean.Infrastructure.Persistence.Querying;

namespace ScimClean.Api.IntegrationTests.Persistence;

/// <summary>The lookups Entra ID runs before every create must be index seeks, never a scan of the users.</summary>
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
        var sql = new UserQueries(dbContext).Build(database.OrganizationA, SqliteFileDatabase.Query(filter));

        foreach (var statement in new[] { sql.PageSql, sql.FilterSql })
        {
            var plan = await ExplainAsync(dbContext, statement, sql);
            var text = string.Join(Environment.NewLine, plan);
            TestContext.Current.TestOutputHelper?.WriteLine($"{statement}{Environment.NewLine}{text}{Environment.NewLine}");

            Assert.Contains(plan, line => line.Contains(index, StringComparison.Ordinal)
                && (line.Contains("USING INDEX", StringComparison.Ordinal) || line.Contains("USING COVERING INDEX", StringComparison.Ordinal)));
            Assert.DoesNotContain(plan, line => line.StartsWith("SCAN", StringComparison.Ordinal));
        }
    }

    private static async Task<List<string>> ExplainAsync(ScimCleanDbContext dbContext, string statement, ResourceSqlQuery sql)
    {
        var connection = dbContext.Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + statement;
        command.Parameters.AddRange(sql.CreateParameters());
        var details = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            details.Add(reader.GetString(3));
        }

        return details;
    }
}
