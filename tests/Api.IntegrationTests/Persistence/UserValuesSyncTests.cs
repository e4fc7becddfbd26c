using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ScimClean.Domain.Users;
using ScimClean.Infrastructure.Persistence.Queries;

namespace ScimClean.Api.IntegrationTests.Persistence;

public sealed class UserValuesSyncTests(PersistenceDatabase database) : IClassFixture<PersistenceDatabase>
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Update_ShouldReplaceTheEmailRows_SoTheOldEmailNoLongerMatches()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var organizationId = await database.AddOrganizationAsync("sync.example", Now);
        Guid userId;
        await using (var dbContext = database.CreateDbContext())
        {
            var user = PersistenceDatabase.NewUser(organizationId, """
                {"userName": "erin@sync.example", "emails": [{"value": "Old@Sync.example", "type": "work", "primary": true}]}
                """, Now);
            dbContext.Users.Add(user);
            await dbContext.SaveChangesAsync(cancellationToken);
            userId = user.Id;
        }

        Assert.Equal(1, await CountAsync(organizationId, "emails[type eq \"work\"].value eq \"old@sync.example\""));

        await using (var dbContext = database.CreateDbContext())
        {
            var user = await dbContext.Users.SingleAsync(candidate => candidate.Id == userId, cancellationToken);
            var attributes = user.Attributes.ToJson();
            attributes["emails"] = JsonNode.Parse("""[{"value": "new@sync.example", "type": "work", "primary": true}]""");
            user.Replace(UserAttributes.From(attributes).Value, null, Now.AddMinutes(1));
            await dbContext.SaveChangesAsync(cancellationToken);
        }

        Assert.Equal(0, await CountAsync(organizationId, "emails[type eq \"work\"].value eq \"old@sync.example\""));
        Assert.Equal(0, await CountAsync(organizationId, "emails.value eq \"old@sync.example\""));
        Assert.Equal(1, await CountAsync(organizationId, "emails[type eq \"work\"].value eq \"NEW@sync.example\""));
        Assert.Equal(1, await RowCountAsync(userId));

        // A change elsewhere in the document keeps the rows as they are.
        await using (var dbContext = database.CreateDbContext())
        {
            var user = await dbContext.Users.SingleAsync(candidate => candidate.Id == userId, cancellationToken);
            var attributes = user.Attributes.ToJson();
            attributes["title"] = "Boss";
            user.Replace(UserAttributes.From(attributes).Value, null, Now.AddMinutes(2));
            await dbContext.SaveChangesAsync(cancellationToken);
        }

        Assert.Equal(1, await CountAsync(organizationId, "emails.value eq \"new@sync.example\" and title eq \"boss\""));
        Assert.Equal(1, await RowCountAsync(userId));

        await using (var dbContext = database.CreateDbContext())
        {
            var user = await dbContext.Users.SingleAsync(candidate => candidate.Id == userId, cancellationToken);
            dbContext.Users.Remove(user);
            await dbContext.SaveChangesAsync(cancellationToken);
        }

        Assert.Equal(0, await RowCountAsync(userId));
    }

    private async Task<int> CountAsync(Guid organizationId, string filter)
    {
        await using var dbContext = database.CreateDbContext();
        var page = await new UserQueries(dbContext).ListAsync(
            organizationId, PersistenceDatabase.Query(filter), TestContext.Current.CancellationToken);
        return page.TotalResults;
    }

    private async Task<int> RowCountAsync(Guid userId)
    {
        await using var dbContext = database.CreateDbContext();
        return await dbContext.UserValues.CountAsync(row => row.UserId == userId, TestContext.Current.CancellationToken);
    }
}
