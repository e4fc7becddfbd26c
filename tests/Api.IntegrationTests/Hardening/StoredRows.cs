using Microsoft.Data.Sqlite;
using ScimClean.Api.IntegrationTests.Infrastructure;

namespace ScimClean.Api.IntegrationTests.Hardening;

/// <summary>Reads the service's SQLite file directly, to see what a request really wrote.</summary>
public static class StoredRows
{
    /// <summary>Rows in the outbox: one per committed domain event.</summary>
    public static Task<long> CountWebhookEventsAsync(ScimCleanApiFactory factory) => CountAsync(factory, "WebhookEvents");

    public static async Task<long> CountAsync(ScimCleanApiFactory factory, string table)
    {
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
