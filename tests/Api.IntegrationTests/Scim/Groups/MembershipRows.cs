using ScimClean.Api.IntegrationTests.Infrastructure;

namespace ScimClean.Api.IntegrationTests.Scim.Groups;

/// <summary>
/// Reads the service's database directly, beside the API, to see what a request really wrote: the number of
/// membership rows of a group or naming a member, and whether a group row exists.
/// </summary>
public static class MembershipRows
{
    public static Task<long> CountOfGroupAsync(TestDatabase database, string groupId) =>
        ScalarAsync(database, """SELECT COUNT(*) FROM "GroupMemberships" WHERE "GroupId" = @id""", database.Key(groupId));

    public static Task<long> CountOfMemberAsync(TestDatabase database, string memberId) =>
        ScalarAsync(database, """SELECT COUNT(*) FROM "GroupMemberships" WHERE "MemberId" = @id""", database.Key(memberId));

    public static Task<long> CountGroupRowsAsync(TestDatabase database, string groupId) =>
        ScalarAsync(database, """SELECT COUNT(*) FROM "Groups" WHERE "Id" = @id""", database.Key(groupId));

    public static Task<long> CountGroupsNamedAsync(TestDatabase database, string displayName) =>
        ScalarAsync(database, """SELECT COUNT(*) FROM "Groups" WHERE "NormalizedDisplayName" = @id""", displayName.Trim().ToUpperInvariant());

    private static async Task<long> ScalarAsync(TestDatabase database, string sql, object value)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        TestDatabase.AddParameter(command, "@id", value);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
