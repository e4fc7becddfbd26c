using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ScimClean.Api.IntegrationTests.Infrastructure;
using ScimClean.Application.Scim.Querying;
using ScimClean.Application.Users;
using ScimClean.Domain.Groups;
using ScimClean.Domain.Users;
using ScimClean.Infrastructure.Persistence.Queries;
using ScimClean.Infrastructure.Persistence.Querying;
using ScimClean.Infrastructure.Persistence.Sqlite;

namespace ScimClean.Api.IntegrationTests.Persistence;

/// <summary>
/// The SQLite fast read path must read what EF Core reads: every column of a user (nulls and times included), the
/// groups of one user and of several, nothing of another organization, and, inside a transaction, the context's own
/// uncommitted changes (which only EF's connection can see).
/// </summary>
public sealed class SqliteUserReaderTests(UserQueryDatabase database) : IClassFixture<UserQueryDatabase>, IDisposable
{
    private readonly SqliteReadConnections _connections = new(database.Database.ServiceConnectionString);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _connections.Dispose();

    [Fact]
    public async Task ListAsync_ShouldReadEveryColumnAsEfCoreDoes()
    {
        TestDatabase.SkipOnPostgres("the kept read connections serve SQLite only");
        await using var dbContext = database.CreateDbContext();
        var withPassword = User.Create(
            database.OrganizationA,
            UserAttributes.From(new JsonObject { ["userName"] = "pat@contoso.com" }).Value,
            "pbkdf2$hash",
            new DateTimeOffset(2026, 4, 1, 12, 30, 15, 123, TimeSpan.Zero).AddTicks(4567));
        dbContext.Users.Add(withPassword);
        await dbContext.SaveChangesAsync(Ct);
        var everyone = new ResourceQuery(null, null, false, 1, 1000);

        var expected = (await new UserQueries(dbContext).ListAsync(database.OrganizationA, everyone, Ct)).Resources;
        var read = (await new UserQueries(dbContext, new SqliteUserReader(_connections)).ListAsync(database.OrganizationA, everyone, Ct)).Resources;

        Assert.Contains(expected, user => user.ExternalId is null && user.DisplayName is null);
        Assert.Contains(expected, user => user.PasswordHash is not null);
        Assert.Contains(expected, user => user.CreatedAt.Ticks % TimeSpan.TicksPerMillisecond != 0);
        Assert.Equal(expected.Select(Columns), read.Select(Columns));
        Assert.All(read, user => Assert.Empty(user.DomainEvents));
    }

    [Fact]
    public async Task FindDocumentAsync_ShouldFindNoUserOfAnotherOrganizationOrWithAnUnknownId()
    {
        TestDatabase.SkipOnPostgres("the kept read connections serve SQLite only");
        var reader = new SqliteUserReader(_connections);

        Assert.Null(await reader.FindDocumentAsync(database.OrganizationB, database.AliceId, Ct));
        Assert.Null(await reader.FindDocumentAsync(database.OrganizationA, Guid.NewGuid(), Ct));
    }

    [Fact]
    public async Task ListGroupsOfAsync_ShouldReadTheGroupsOfOneUserAndOfSeveralAsEfCoreDoes()
    {
        TestDatabase.SkipOnPostgres("the kept read connections serve SQLite only");
        var now = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
        await using var dbContext = database.CreateDbContext();
        var users = await dbContext.Users.Where(user => user.OrganizationId == database.OrganizationA).Select(user => user.Id).ToListAsync(Ct);
        var zeta = NewGroup("Zeta readers", now);
        var alpha = NewGroup("alpha readers", now);
        dbContext.Groups.AddRange(zeta, alpha);
        dbContext.GroupMemberships.AddRange(
            zeta.AddMember(users[0], MemberType.User, now).Value,
            alpha.AddMember(users[0], MemberType.User, now).Value,
            alpha.AddMember(users[1], MemberType.User, now).Value);
        await dbContext.SaveChangesAsync(Ct);

        var efCore = new UserGroupQueries(dbContext);
        var fast = new UserGroupQueries(dbContext, new SqliteUserReader(_connections));
        foreach (var ids in new[] { [users[0]], [users[2]], users.ToArray() })
        {
            var expected = await efCore.ListGroupsOfAsync(database.OrganizationA, ids, Ct);
            var read = await fast.ListGroupsOfAsync(database.OrganizationA, ids, Ct);
            Assert.Equal(Flatten(expected), Flatten(read));
        }

        var groupsOfFirst = (await fast.ListGroupsOfAsync(database.OrganizationA, [users[0]], Ct))[users[0]];
        Assert.Equal(["alpha readers", "Zeta readers"], groupsOfFirst.Select(group => group.Display));
        Assert.Empty(await fast.ListGroupsOfAsync(database.OrganizationB, users, Ct));
    }

    [Fact]
    public async Task FindDocumentAsync_ShouldReadTheStoredUserAndItsGroupsAsEfCoreDoes()
    {
        TestDatabase.SkipOnPostgres("the kept read connections serve SQLite only");
        var now = new DateTimeOffset(2026, 5, 3, 9, 8, 7, 654, TimeSpan.Zero).AddTicks(3210);
        await using var dbContext = database.CreateDbContext();
        // A user of its own: the other tests of this fixture count the groups of the users it starts with.
        var member = User.Create(
            database.OrganizationA,
            UserAttributes.From(new JsonObject { ["userName"] = "finder@contoso.com", ["displayName"] = "Fïnder \"quoted\"" }).Value,
            null,
            now);
        var finders = NewGroup("Finders", now);
        var another = NewGroup("another finders", now);
        dbContext.Users.Add(member);
        dbContext.Groups.AddRange(finders, another);
        dbContext.GroupMemberships.AddRange(
            finders.AddMember(member.Id, MemberType.User, now).Value,
            another.AddMember(member.Id, MemberType.User, now).Value);
        await dbContext.SaveChangesAsync(Ct);
        var users = await dbContext.Users.AsNoTracking().Where(user => user.OrganizationId == database.OrganizationA).ToListAsync(Ct);

        var efCore = new UserQueries(dbContext);
        var fast = new UserQueries(dbContext, new SqliteUserReader(_connections));
        foreach (var user in users)
        {
            var expected = await efCore.FindDocumentAsync(database.OrganizationA, user.Id, Ct);
            var read = await fast.FindDocumentAsync(database.OrganizationA, user.Id, Ct);
            Assert.NotNull(expected);
            Assert.NotNull(read);
            Assert.Equal(Columns(expected), Columns(read));
            Assert.Equal(expected.Groups, read.Groups);
            // What the entity holds: the same times to the tick, and the document it would render.
            Assert.Equal((user.Id, user.Version, user.CreatedAt, user.LastModifiedAt), (read.Id, read.Version, read.CreatedAt, read.LastModifiedAt));
            Assert.Equal(user.Attributes.ToJson().ToJsonString(), Encoding.UTF8.GetString(read.Attributes.Span));
        }

        var found = await fast.FindDocumentAsync(database.OrganizationA, member.Id, Ct);
        Assert.Equal(now, found!.CreatedAt);
        Assert.Equal(["another finders", "Finders"], found.Groups.Select(group => group.Display));
        Assert.Null(await fast.FindDocumentAsync(database.OrganizationB, member.Id, Ct));
        Assert.Null(await fast.FindDocumentAsync(database.OrganizationA, Guid.NewGuid(), Ct));
        Assert.Null(await efCore.FindDocumentAsync(database.OrganizationB, member.Id, Ct));
    }

    [Fact]
    public async Task ListGroupsOfAsync_InsideATransaction_ShouldSeeTheContextsUncommittedMemberships()
    {
        TestDatabase.SkipOnPostgres("the kept read connections serve SQLite only");
        var now = new DateTimeOffset(2026, 5, 2, 0, 0, 0, TimeSpan.Zero);
        await using var dbContext = database.CreateDbContext();
        var fast = new UserGroupQueries(dbContext, new SqliteUserReader(_connections));
        var group = NewGroup("Uncommitted", now);
        await using var transaction = await dbContext.Database.BeginTransactionAsync(Ct);
        dbContext.Groups.Add(group);
        dbContext.GroupMemberships.Add(group.AddMember(database.AliceId, MemberType.User, now).Value);
        await dbContext.SaveChangesAsync(Ct);

        var groups = await fast.ListGroupsOfAsync(database.OrganizationA, [database.AliceId], Ct);

        Assert.Contains(groups[database.AliceId], view => view.GroupId == group.Id);
        await transaction.RollbackAsync(Ct);
    }

    [Fact]
    public void Rent_ShouldHandBackTheSameConnectionWithItsPreparedCommand()
    {
        TestDatabase.SkipOnPostgres("the kept read connections serve SQLite only");
        const string sql = "SELECT COUNT(*) FROM Users WHERE OrganizationId = $organizationId";
        using var dbContext = database.CreateDbContext();
        long CountOf(Guid organizationId) => dbContext.Users.LongCount(user => user.OrganizationId == organizationId);
        Microsoft.Data.Sqlite.SqliteCommand first;
        using (var lease = _connections.Rent())
        {
            first = lease.Command(sql);
            first.Parameters.Add(SqliteDialect.Instance.CreateParameter("$organizationId", database.OrganizationA));
            Assert.Equal(CountOf(database.OrganizationA), first.ExecuteScalar());
        }

        using (var lease = _connections.Rent())
        {
            var again = lease.Command(sql);
            Assert.Same(first, again);
            Assert.Empty(again.Parameters);
            again.Parameters.Add(SqliteDialect.Instance.CreateParameter("$organizationId", database.OrganizationB));
            Assert.Equal(CountOf(database.OrganizationB), again.ExecuteScalar());
        }
    }

    [Fact]
    public void Command_ShouldKeepABoundedNumberOfStatements()
    {
        TestDatabase.SkipOnPostgres("the kept read connections serve SQLite only");
        using var lease = _connections.Rent();
        for (var index = 0; index < SqliteReadConnection.MaxCommands + 10; index++)
        {
            var command = lease.Command($"SELECT {index}");
            Assert.Equal((long)index, command.ExecuteScalar());
        }

        Assert.Equal(SqliteReadConnection.MaxCommands, lease.Connection.CommandCount);
    }

    [Fact]
    public void Rent_AfterDispose_ShouldThrowRatherThanOpenAConnectionNobodyCloses()
    {
        TestDatabase.SkipOnPostgres("the kept read connections serve SQLite only");
        var connections = new SqliteReadConnections(database.Database.ServiceConnectionString);
        connections.Rent().Dispose();
        connections.Dispose();

        Assert.Throws<ObjectDisposedException>(() => connections.Rent());
    }

    private Group NewGroup(string displayName, DateTimeOffset now) =>
        Group.Create(database.OrganizationA, GroupAttributes.From(new JsonObject { ["displayName"] = displayName }).Value, now);

    private static StoredUser Columns(User user) => new(
        user.Id, user.OrganizationId, user.UserName, user.NormalizedUserName, user.ExternalId, user.DisplayName, user.Active,
        user.PasswordHash, user.Version, user.CreatedAt, user.LastModifiedAt, user.Attributes.ToJson().ToJsonString());

    private static (Guid, long, DateTimeOffset, DateTimeOffset, string) Columns(StoredUserDocument user) =>
        (user.Id, user.Version, user.CreatedAt, user.LastModifiedAt, Encoding.UTF8.GetString(user.Attributes.Span));

    private static List<string> Flatten(IReadOnlyDictionary<Guid, IReadOnlyList<UserGroupView>> groups) =>
        groups.OrderBy(pair => pair.Key).SelectMany(pair => pair.Value.Select(view => $"{pair.Key}:{view.GroupId}:{view.Display}")).ToList();
}
