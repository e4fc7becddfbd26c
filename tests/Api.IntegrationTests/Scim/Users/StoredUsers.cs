using ScimClean.Api.IntegrationTests.Infrastructure;

namespace ScimClean.Api.IntegrationTests.Scim.Users;

/// <summary>Reads a user's row straight from the service's database, to check what is really stored.</summary>
public static class StoredUsers
{
    public static async Task<(string Document, string? PasswordHash)> ReadAsync(ScimCleanApiFactory factory, string id)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = await factory.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Document\", \"PasswordHash\" FROM \"Users\" WHERE \"Id\" = @id";
        TestDatabase.AddParameter(command, "@id", factory.Database.Key(id));
        await using var reader = await command.ExecuteReaderAsync(ct);
        Assert.True(await reader.ReadAsync(ct), $"no row for user {id}");
        return (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }
}
