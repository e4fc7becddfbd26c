using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ScimClean.Api.IntegrationTests.Infrastructure;
using ScimClean.Application.Scim.Filtering;
using ScimClean.Application.Scim.Querying;
using ScimClean.Domain.Organizations;
using ScimClean.Domain.Users;
using ScimClean.Infrastructure.Persistence;

namespace ScimClean.Api.IntegrationTests.Persistence;

/// <summary>
/// A real database with the migrated schema, dropped afterwards: a SQLite file, or a fresh PostgreSQL database when
/// <see cref="TestDatabase.PostgresVariable"/> is set (see <see cref="TestDatabase"/>).
/// </summary>
public class PersistenceDatabase : IAsyncLifetime
{
    private TestDatabase? _database;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The database is not initialized yet.");

    public ScimCleanDbContext CreateDbContext() => Database.CreateDbContext();

    public virtual async ValueTask InitializeAsync()
    {
        _database = TestDatabase.Create();
        await using var dbContext = CreateDbContext();
        await dbContext.Database.MigrateAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
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
