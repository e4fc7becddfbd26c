using Microsoft.Data.Sqlite;

namespace ScimClean.Api.IntegrationTests.Scim.Groups;

/// <summary>
/// Reads the service's SQLite file directly, beside the API, to see what a request really wrote: the number of
/// membership rows of a group or naming a member, and whether a group row exists. Ids are stored as upper-case text.
/// </summary>
public static class MembershipRows
{
    public static Task<long> CountOfGroupAsync(string databasePath, string groupId) =>
        ScalarAsync(databasePath, """SELECT COUNT(*) FROM "GroupMemberships" WHERE "GroupId" = $id""", groupId);

    public static Task<long> CountOfMemberAsync(string databasePath, string memberId) =>
        ScalarAsync(databasePath, """SELECT COUNT(*) FROM "GroupMemberships" WHERE "MemberId" = $id""", memberId);

    public static Task<long> CountGroupRowsAsync(string databasePath, string groupId) =>
        ScalarAsync(databasePath, """SELECT COUNT(*) FROM "Groups" WHERE "Id" = $id""", groupId);

    public static async Task<long> CountGroupsNamedAsync(string databasePath, string displayName)
    {
        await using var connection = Open(databasePath);
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT COUNT(*) FROM "Groups" WHERE "NormalizedDisplayName" = $name""";
        command.Parameters.AddWithValue("$name", displayName.Trim().ToUpperInvariant());
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    public static SqliteConnection Open(string databasePath)
    {
        var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        return connection;
    }

    public static string Key(string id) => Guid.Parse(id).ToString().ToUpperInvariant();

    private static async Task<long> ScalarAsync(string databasePath, string sql, string id)
    {
        await using var connection = Open(databasePath);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", Key(id));
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
