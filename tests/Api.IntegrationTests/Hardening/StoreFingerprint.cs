using ScimClean.Api.IntegrationTests.Infrastructure;

namespace ScimClean.Api.IntegrationTests.Hardening;

/// <summary>
/// What the directory holds, in one line: row counts and version sums of users and groups, memberships and outbox events.
/// Every committed change moves it (versions grow, events are written).
/// </summary>
public static class StoreFingerprint
{
    private const string Sql = """
        SELECT (SELECT COUNT(*) FROM "Users") || '/' || (SELECT COALESCE(SUM("Version"), 0) FROM "Users") || ' users, '
            || (SELECT COUNT(*) FROM "Groups") || '/' || (SELECT COALESCE(SUM("Version"), 0) FROM "Groups") || ' groups, '
            || (SELECT COUNT(*) FROM "GroupMemberships") || ' memberships, '
            || (SELECT COUNT(*) FROM "WebhookEvents") || ' events'
        """;

    public static async Task<string> ReadAsync(ScimCleanApiFactory factory)
    {
        await using var connection = await factory.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        return Convert.ToString(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
