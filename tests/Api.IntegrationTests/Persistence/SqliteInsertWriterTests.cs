using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ScimClean.Api.IntegrationTests.Infrastructure;
using ScimClean.Domain.Organizations;
using ScimClean.Domain.Users;
using ScimClean.Domain.Webhooks;
using ScimClean.Infrastructure.Persistence;
using ScimClean.Infrastructure.Persistence.Sqlite;

namespace ScimClean.Api.IntegrationTests.Persistence;

/// <summary>
/// Saves that only add rows are written by the SQLite insert writer instead of EF Core: the rows must be the ones EF Core
/// writes (compared column by column across two databases), generated keys must reach the entities and their
/// dependents, a failed insert must leave nothing behind (alone, or within a group commit whose other saves go on), and
/// every other save must still go through EF Core.
/// </summary>
public sealed class SqliteInsertWriterTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 6, 1, 8, 30, 0, TimeSpan.Zero).AddTicks(1234);

    private readonly PersistenceDatabase _efCore = new();
    private readonly PersistenceDatabase _viaWriter = new();
    private SqliteInsertWriter? _writer;
    private ServiceProvider? _services;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        if (TestDatabase.RunsOnPostgres)
        {
            return;
        }

        await _efCore.InitializeAsync();
        await _viaWriter.InitializeAsync();
        // As in the service: the contexts reach the writer through the application's container.
        _services = new ServiceCollection()
            .AddSingleton(_ => new SqliteInsertWriter(_viaWriter.Database.ServiceConnectionString + ";Pooling=False"))
            .BuildServiceProvider();
        _writer = _services.GetRequiredService<SqliteInsertWriter>();
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await _efCore.DisposeAsync();
        await _viaWriter.DisposeAsync();
    }

    [Fact]
    public async Task SaveChangesAsync_WhenASaveOnlyAddsRows_ShouldWriteTheRowsEfCoreWrites()
    {
        TestDatabase.SkipOnPostgres("the insert writer serves SQLite only");
        var organization = Organization.Create("contoso.com", "Contoso", Now).Value;
        var endpoint = WebhookEndpoint.Create("https://app.example/hooks", null, null, "protected", Now);
        var user = PersistenceDatabase.NewUser(organization.Id, """
            {"userName": "Ada@Contoso.com", "externalId": "ext-1", "displayName": "Ada", "title": "",
             "emails": [{"value": "ada@contoso.com", "type": "work", "primary": true}, {"value": "ada@home.example"}],
             "phoneNumbers": [{"value": "+1 555", "type": "mobile"}], "active": false}
            """, Now);
        var bare = PersistenceDatabase.NewUser(organization.Id, """{"userName": "bare"}""", Now.AddMinutes(1));

        foreach (var database in new[] { _efCore, _viaWriter })
        {
            await using (var dbContext = CreateDbContext(database))
            {
                dbContext.Organizations.Add(organization);
                dbContext.WebhookEndpoints.Add(endpoint);
                await dbContext.SaveChangesAsync(Ct);
            }

            await using (var dbContext = CreateDbContext(database))
            {
                var events = Enumerable.Range(1, 2)
                    .Select(sequence => WebhookEvent.Create(
                        $"evt_{sequence}", "user.created", organization.Id, "contoso.com", user.Id, sequence, Now, $$"""{"n":{{sequence}}}"""))
                    .ToList();
                var deliveries = events.Select(webhookEvent => WebhookDelivery.Create(endpoint.Id, webhookEvent, Now)).ToList();
                dbContext.Users.AddRange(user, bare);
                dbContext.WebhookEvents.AddRange(events);
                dbContext.WebhookDeliveries.AddRange(deliveries);

                var writtenBefore = _writer!.RowsWritten;
                var written = await dbContext.SaveChangesAsync(Ct);

                Assert.Equal(dbContext.ChangeTracker.Entries().Count(), written);
                Assert.Equal(database == _viaWriter ? written : 0, _writer.RowsWritten - writtenBefore);

                Assert.All(dbContext.ChangeTracker.Entries(), entry => Assert.Equal(EntityState.Unchanged, entry.State));
                Assert.Equal([1L, 2L], events.Select(webhookEvent => webhookEvent.Position));
                Assert.Equal(events.Select(webhookEvent => webhookEvent.Position), deliveries.Select(delivery => delivery.EventPosition));
            }
        }

        foreach (var table in new[] { "Users", "UserValues", "WebhookEvents" })
        {
            Assert.Equal(await RowsAsync(_efCore, table), await RowsAsync(_viaWriter, table));
        }

        // Delivery ids are made afresh for each database (version 7 GUIDs), and EF Core orders its inserts by key: every
        // other column must match, in any row order.
        Assert.Equal(await RowsAsync(_efCore, "WebhookDeliveries", except: "Id"), await RowsAsync(_viaWriter, "WebhookDeliveries", except: "Id"));
        Assert.NotEmpty(await RowsAsync(_viaWriter, "UserValues"));
        await using var reader = CreateDbContext(_viaWriter);
        var read = await reader.Users.AsNoTracking().SingleAsync(stored => stored.Id == user.Id, Ct);
        Assert.Equal(user.Attributes.ToJson().ToJsonString(), read.Attributes.ToJson().ToJsonString());
    }

    [Fact]
    public async Task SaveChangesAsync_WhenAnInsertFails_ShouldWriteNothingAndThrowWhatEfCoreThrows()
    {
        TestDatabase.SkipOnPostgres("the insert writer serves SQLite only");
        var organizationId = await _viaWriter.AddOrganizationAsync("fabrikam.com", Now);
        await using (var dbContext = CreateDbContext(_viaWriter))
        {
            dbContext.Users.Add(PersistenceDatabase.NewUser(organizationId, """{"userName": "taken@fabrikam.com"}""", Now));
            await dbContext.SaveChangesAsync(Ct);
        }

        var first = PersistenceDatabase.NewUser(
            organizationId, """{"userName": "new@fabrikam.com", "emails": [{"value": "new@fabrikam.com"}]}""", Now);
        await using (var dbContext = CreateDbContext(_viaWriter))
        {
            var duplicate = PersistenceDatabase.NewUser(organizationId, """{"userName": "TAKEN@fabrikam.com"}""", Now);
            dbContext.Users.AddRange(first, duplicate);

            var exception = await Assert.ThrowsAsync<DbUpdateException>(() => dbContext.SaveChangesAsync(Ct));

            var sqlite = Assert.IsType<SqliteException>(exception.InnerException);
            Assert.Equal(19, sqlite.SqliteErrorCode);
            Assert.Equal(EntityState.Added, dbContext.Entry(first).State);
        }

        await using var check = CreateDbContext(_viaWriter);
        Assert.Equal(["taken@fabrikam.com"], await check.Users.Select(user => user.UserName).ToListAsync(Ct));
        Assert.False(await check.Set<UserValueRecord>().AnyAsync(record => record.UserId == first.Id, Ct));

        // The kept connection is not left inside the failed transaction: the next save goes through.
        await using var next = CreateDbContext(_viaWriter);
        next.Users.Add(PersistenceDatabase.NewUser(organizationId, """{"userName": "next@fabrikam.com"}""", Now));
        await next.SaveChangesAsync(Ct);
        Assert.Equal(2, await check.Users.CountAsync(Ct));
    }

    [Fact]
    public async Task SaveChangesAsync_WhenSavesQueueTogether_ShouldCommitThemInOneGroupAndUndoOnlyTheSaveThatFails()
    {
        TestDatabase.SkipOnPostgres("the insert writer serves SQLite only");
        var organizationId = await _viaWriter.AddOrganizationAsync("northwind.com", Now);
        var contexts = Enumerable.Range(0, 5).Select(_ => CreateDbContext(_viaWriter)).ToList();
        try
        {
            var users = contexts.Select((dbContext, index) =>
            {
                var user = PersistenceDatabase.NewUser(
                    organizationId, $$"""{"userName": "user{{index}}@northwind.com", "emails": [{"value": "u{{index}}@northwind.com"}]}""", Now);
                dbContext.Users.Add(user);
                return user;
            }).ToList();
            // The third save fails last: its delivery names an endpoint that does not exist (a foreign key), after its
            // user, value row and event were written and the event's position was set.
            var failingEvent = WebhookEvent.Create("evt_f", "user.created", organizationId, "northwind.com", users[2].Id, 1, Now, "{}");
            contexts[2].WebhookEvents.Add(failingEvent);
            contexts[2].WebhookDeliveries.Add(WebhookDelivery.Create(Guid.NewGuid(), failingEvent, Now));
            var groupsBefore = _writer!.GroupsCommitted;

            // Holding the write gate, as an EF Core write would: the five saves queue behind it and go as one group.
            var saves = new List<Task<int>>();
            await WriteGate.RunAsync(contexts[0], () =>
            {
                saves.AddRange(contexts.Select(dbContext => dbContext.SaveChangesAsync(Ct)));
                return Task.FromResult(0);
            }, Ct);
            var failures = await Task.WhenAll(saves.Select(async save =>
            {
                try
                {
                    await save;
                    return null;
                }
                catch (DbUpdateException exception)
                {
                    return exception;
                }
            }));

            Assert.Equal(groupsBefore + 1, _writer.GroupsCommitted);
            Assert.Equal([false, false, true, false, false], failures.Select(failure => failure is not null));
            Assert.Equal(19, Assert.IsType<SqliteException>(failures[2]!.InnerException).SqliteErrorCode);
            Assert.All(contexts[2].ChangeTracker.Entries(), entry => Assert.Equal(EntityState.Added, entry.State));
            Assert.True(contexts[2].Entry(failingEvent).Property(webhookEvent => webhookEvent.Position).IsTemporary);
            Assert.All(contexts.Where((_, index) => index != 2).SelectMany(dbContext => dbContext.ChangeTracker.Entries()),
                entry => Assert.Equal(EntityState.Unchanged, entry.State));
        }
        finally
        {
            foreach (var dbContext in contexts)
            {
                await dbContext.DisposeAsync();
            }
        }

        await using var check = CreateDbContext(_viaWriter);
        Assert.Equal(
            ["user0@northwind.com", "user1@northwind.com", "user3@northwind.com", "user4@northwind.com"],
            await check.Users.OrderBy(user => user.UserName).Select(user => user.UserName).ToListAsync(Ct));
        Assert.Equal(4, await check.Set<UserValueRecord>().CountAsync(Ct));
        Assert.Equal(0, await check.WebhookEvents.CountAsync(Ct));
    }

    [Fact]
    public async Task SaveChangesAsync_InsideATransactionOfTheCaller_ShouldLeaveTheInsertsToThatTransaction()
    {
        TestDatabase.SkipOnPostgres("the insert writer serves SQLite only");
        var organizationId = await _viaWriter.AddOrganizationAsync("tailspin.com", Now);
        await using (var dbContext = CreateDbContext(_viaWriter))
        {
            await using var transaction = await dbContext.Database.BeginTransactionAsync(Ct);
            dbContext.Users.Add(PersistenceDatabase.NewUser(organizationId, """{"userName": "rolled@tailspin.com"}""", Now));
            var writtenBefore = _writer!.RowsWritten;
            await dbContext.SaveChangesAsync(Ct);
            Assert.Equal(writtenBefore, _writer.RowsWritten);
            Assert.Equal(1, await dbContext.Users.CountAsync(Ct));
            await transaction.RollbackAsync(Ct);
        }

        await using var check = CreateDbContext(_viaWriter);
        Assert.Equal(0, await check.Users.CountAsync(Ct));
    }

    [Fact]
    public async Task SaveChangesAsync_WhenASaveAlsoChangesARow_ShouldSaveEverythingThroughEfCore()
    {
        TestDatabase.SkipOnPostgres("the insert writer serves SQLite only");
        var organizationId = await _viaWriter.AddOrganizationAsync("litware.com", Now);
        Guid changedId;
        await using (var dbContext = CreateDbContext(_viaWriter))
        {
            var user = PersistenceDatabase.NewUser(organizationId, """{"userName": "old@litware.com"}""", Now);
            dbContext.Users.Add(user);
            await dbContext.SaveChangesAsync(Ct);
            changedId = user.Id;
        }

        await using (var dbContext = CreateDbContext(_viaWriter))
        {
            var user = await dbContext.Users.SingleAsync(stored => stored.Id == changedId, Ct);
            user.Replace(UserAttributes.From(System.Text.Json.Nodes.JsonNode.Parse("""{"userName": "renamed@litware.com"}""")!.AsObject()).Value, null, Now.AddMinutes(1));
            dbContext.Users.Add(PersistenceDatabase.NewUser(organizationId, """{"userName": "added@litware.com"}""", Now));
            var writtenBefore = _writer!.RowsWritten;
            await dbContext.SaveChangesAsync(Ct);
            Assert.Equal(writtenBefore, _writer.RowsWritten);
        }

        await using var check = CreateDbContext(_viaWriter);
        Assert.Equal(
            ["added@litware.com", "renamed@litware.com"],
            await check.Users.OrderBy(user => user.UserName).Select(user => user.UserName).ToListAsync(Ct));
    }

    private ScimCleanDbContext CreateDbContext(PersistenceDatabase database) => database == _efCore
        ? database.CreateDbContext()
        : new SqliteScimCleanDbContext(new DbContextOptionsBuilder<SqliteScimCleanDbContext>()
            .UseSqlite(_writer!.ConnectionString)
            .UseApplicationServiceProvider(_services)
            .Options);

    private static async Task<List<string>> RowsAsync(PersistenceDatabase database, string table, string? except = null)
    {
        await using var connection = await database.Database.OpenConnectionAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            var columns = Enumerable.Range(0, reader.FieldCount)
                .Where(index => reader.GetName(index) != except)
                .Select(index => $"{reader.GetName(index)}={reader.GetValue(index)} ({reader.GetDataTypeName(index)})");
            rows.Add(string.Join("; ", columns));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
