using ScimClean.Application.Scim.Querying;
using ScimClean.Infrastructure.Persistence;
using ScimClean.Infrastructure.Persistence.Queries;
using ScimClean.Infrastructure.Persistence.Sqlite;

namespace ScimClean.Api.IntegrationTests.Persistence;

/// <summary>
/// Four users in organization A (created in this order: alice, bob, carol, dave) and a look-alike alice in
/// organization B, which no query of A may ever return.
/// </summary>
public sealed class UserQueryDatabase : PersistenceDatabase
{
    public const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public const string Custom = "urn:ietf:params:scim:schemas:extension:Custom:2.0:User";

    private readonly Dictionary<Guid, string> _names = [];

    public Guid OrganizationA { get; private set; }

    public Guid OrganizationB { get; private set; }

    public Guid AliceId { get; private set; }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        OrganizationA = await AddOrganizationAsync("a.example", new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        OrganizationB = await AddOrganizationAsync("b.example", new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

        await using var dbContext = CreateDbContext();
        var alice = Add(dbContext, "alice", OrganizationA, new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero), $$"""
            {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "{{Enterprise}}"],
             "userName": "Alice@Contoso.com", "externalId": "EXT-Alice", "displayName": "Alice Adams", "title": "Engineer",
             "name": {"givenName": "Alice", "familyName": "Adams"},
             "emails": [{"value": "Alice@Contoso.com", "type": "work", "primary": true},
                        {"value": "alice@home.example", "type": "home", "display": "Alice at home"}],
             "active": true,
             "{{Enterprise}}": {"employeeNumber": "1001", "department": "Sales", "manager": {"value": "mgr-1"} } }
            """);
        Add(dbContext, "bob", OrganizationA, new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero), $$"""
            {"userName": "bob@contoso.com", "externalId": "ext-bob", "displayName": "Bob Brown",
             "name": {"givenName": "Bob", "familyName": "Brown"},
             "emails": [{"value": "bob@fabrikam.com", "type": "work", "primary": true}],
             "active": false,
             "{{Enterprise}}": {"employeeNumber": "1002", "manager": {"value": "mgr-2"} },
             "{{Custom}}": {"costCode": "X-1"} }
            """);
        Add(dbContext, "carol", OrganizationA, new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), $$"""
            {"userName": "carol_50%@contoso.com", "displayName": "carol carter", "name": {"givenName": "Carol"},
             "emails": [{"value": "carol@contoso.com", "type": "home"}],
             "active": true,
             "{{Enterprise}}": {"employeeNumber": "2001"},
             "{{Custom}}:costCode": "y-2"}
            """);
        Add(dbContext, "dave", OrganizationA, new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), """
            {"userName": "dave@contoso.com", "externalId": "dave*[1]?", "title": ""}
            """);
        Add(dbContext, "alice-b", OrganizationB, new DateTimeOffset(2025, 1, 2, 0, 0, 0, TimeSpan.Zero), """
            {"userName": "alice@contoso.com", "externalId": "EXT-Alice", "displayName": "Alice Adams",
             "emails": [{"value": "alice@contoso.com", "type": "work", "primary": true}], "active": false}
            """);
        await dbContext.SaveChangesAsync(TestContext.Current.CancellationToken);
        AliceId = alice;
    }

    internal async Task<(int Total, List<string> Names)> ListAsync(Guid organizationId, ResourceQuery query)
    {
        await using var dbContext = CreateDbContext();
        var page = await new UserQueries(dbContext).ListAsync(organizationId, query, TestContext.Current.CancellationToken);
        var result = (page.TotalResults, page.Resources.Select(user => _names[user.Id]).ToList());
        if (!Database.IsPostgres)
        {
            // The service lists users on SQLite through its kept connections, not EF Core: both must answer alike.
            using var connections = new SqliteReadConnections(Database.ServiceConnectionString);
            var fast = await new UserQueries(dbContext, new SqliteUserReader(connections))
                .ListAsync(organizationId, query, TestContext.Current.CancellationToken);
            Assert.Equal(page.TotalResults, fast.TotalResults);
            Assert.Equal(result.Item2, fast.Resources.Select(user => _names[user.Id]).ToList());
            Assert.Equal(page.Resources.Select(user => user.Version), fast.Resources.Select(user => user.Version));
        }

        return result;
    }

    internal Task<(int Total, List<string> Names)> ListAsync(ResourceQuery query) => ListAsync(OrganizationA, query);

    private Guid Add(ScimCleanDbContext dbContext, string name, Guid organizationId, DateTimeOffset now, string json)
    {
        var user = NewUser(organizationId, json, now);
        dbContext.Users.Add(user);
        _names[user.Id] = name;
        return user.Id;
    }
}
