using ScimClean.Api.IntegrationTests.Infrastructure;

namespace ScimClean.Api.IntegrationTests.Hardening;

/// <summary>Reads the service's database directly, to see what a request really wrote.</summary>
public static class StoredRows
{
    /// <summary>Rows in the outbox: one per committed domain event.</summary>
    public static Task<long> CountWebhookEventsAsync(ScimCleanApiFactory factory) => CountAsync(factory, "WebhookEvents");

    public static async Task<long> CountAsync(ScimCleanApiFactory factory, string table)
    {
        await using var connection = await factory.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
