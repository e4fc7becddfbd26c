using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ScimClean.Application.Scim.Filtering;
using ScimClean.Application.Scim.Querying;
using ScimClean.Domain.Organizations;
using ScimClean.Domain.Users;
using ScimClean.Infrastructure.Persistence;

namespace ScimClean.Api.IntegrationTests.Persistence;

/// <summary>A real SQLite database file with the migrated schema; deleted afterwards.</summary>
public class SqliteFileDatabase : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"scimclean-tests-{Guid.NewGuid():N}.db");

    public SqliteScimCleanDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<SqliteScimCleanDbContext>().UseSqlite($"Data Source={_path};Pooling=False").Options);

    public virtual async ValueTask InitializeAsync()
    {
        await using var dbContext = CreateDbContext();
        await dbContext.Database.MigrateAsync(TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }

        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    public async Task<Guid> AddOrganizationAsync(string domain, DateTimeOffset now)
    {
        await using var dbContext = CreateDbContext();
        var organization = Organization.Create(domain, domain, now).Value;
        dbContext.Organizations.Add(organization);
        await dbContext.SaveChangesAsync(TestContext.Current.CancellationToken);
        return organization.Id;
    }

    public static User NewUser(Guid organizationId, string json, DateTimeOffset now) =>
        User.Create(organizationId, UserAttributes.From(JsonNode.Parse(json)!.AsObject()).Value, null, now);

    /// <summary>
    /// A list request as the SCIM endpoint would build it. The sortBy path comes from the filter parser, so that
    /// the test does not name the path type (its namespace is moving).
    /// </summary>
    public static ResourceQuery Query(string? filter, string? sortBy = null, bool descending = false, int startIndex = 1, int count = 100) =>
        new(
            filter is null ? null : FilterParser.Parse(filter),
            sortBy is null ? null : ((ComparisonFilter)FilterParser.Parse(sortBy + " pr")).Path,
            descending,
            startIndex,
            count);
}
