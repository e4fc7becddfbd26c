using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ScimClean.Bench;

/// <summary>
/// What SQLite alone can commit on this machine: the rows one SCIM create writes (a user, its email value, its
/// user.created event), inserted with prepared statements on one connection, no HTTP, no EF Core, no JSON. It runs on
/// a copy of the benchmark's database, downloaded from the service's backup endpoint (<c>VACUUM INTO</c>, so every
/// B-tree has the steady-state size; the service holds its own file), with the service's pragmas (WAL, synchronous
/// NORMAL), once with one create per commit and once with ten. The service's create rate cannot pass the first figure
/// while each create commits alone; the second is what grouping commits buys.
/// </summary>
internal static class SqliteCommitFloor
{
    public static async Task<(LoadResult Result, string Note)[]> RunAsync(HttpClient service, DirectoryInfo workDirectory, int creates)
    {
        var copy = Path.Combine(workDirectory.FullName, "floor.db");
        using (var request = ScimApi.Admin(HttpMethod.Get, "/admin/v1/database/backup", body: null))
        using (var response = await service.SendAsync(request, HttpCompletionOption.ResponseHeadersRead))
        {
            response.EnsureSuccessStatusCode();
            await using var file = File.Create(copy);
            await response.Content.CopyToAsync(file);
        }

        try
        {
            await using var connection = new SqliteConnection($"Data Source={copy};Pooling=False");
            await connection.OpenAsync();
            await ExecuteAsync(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
            await using var anyUser = connection.CreateCommand();
            anyUser.CommandText = "SELECT \"OrganizationId\" FROM \"Users\" LIMIT 1";
            var organizationId = (string)(await anyUser.ExecuteScalarAsync())!;
            return
            [
                Insert(connection, organizationId, creates, perCommit: 1, first: 0),
                Insert(connection, organizationId, creates, perCommit: 10, first: creates),
            ];
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { copy, copy + "-wal", copy + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private static (LoadResult Result, string Note) Insert(SqliteConnection connection, string organizationId, int creates, int perCommit, int first)
    {
        using var user = connection.CreateCommand();
        user.CommandText = """
            INSERT INTO "Users" ("Id", "OrganizationId", "UserName", "NormalizedUserName", "ExternalId", "DisplayName",
                "Active", "PasswordHash", "Version", "CreatedAt", "LastModifiedAt", "Document")
            VALUES ($id, $org, $userName, $normalized, $externalId, $displayName, 1, NULL, 1, $at, $at, $document)
            """;
        using var value = connection.CreateCommand();
        value.CommandText = """
            INSERT INTO "UserValues" ("UserId", "OrganizationId", "Attribute", "Type", "Value", "NormalizedValue", "IsPrimary")
            VALUES ($id, $org, 'emails', 'work', $email, $normalizedEmail, 1)
            """;
        using var webhookEvent = connection.CreateCommand();
        webhookEvent.CommandText = """
            INSERT INTO "WebhookEvents" ("Id", "Type", "OrganizationId", "Organization", "ResourceId", "Sequence", "OccurredAt", "Payload")
            VALUES ($eventId, 'user.created', $org, 'floor.bench.example', $id, 1, $at, $payload)
            """;
        foreach (var command in new[] { user, value, webhookEvent })
        {
            foreach (var name in ParameterNames(command.CommandText))
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = string.Empty;
                command.Parameters.Add(parameter);
            }
        }

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        SqliteTransaction? transaction = null;
        for (var index = first; index < first + creates; index++)
        {
            if ((index - first) % perCommit == 0)
            {
                transaction = connection.BeginTransaction();
                user.Transaction = value.Transaction = webhookEvent.Transaction = transaction;
            }

            var id = Guid.CreateVersion7().ToString().ToUpperInvariant();
            var name = $"floor{index}@floor.bench.example";
            var at = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture);
            var document = $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{name}}","active":true,"displayName":"Floor {{index}}","externalId":"floor-{{index}}","emails":[{"value":"{{name}}","type":"work","primary":true}]}""";
            Set(user, ("$id", id), ("$org", organizationId), ("$userName", name), ("$normalized", name.ToUpperInvariant()),
                ("$externalId", $"floor-{index}"), ("$displayName", $"Floor {index}"), ("$at", at), ("$document", document));
            Set(value, ("$id", id), ("$org", organizationId), ("$email", name), ("$normalizedEmail", name.ToUpperInvariant()));
            Set(webhookEvent, ("$eventId", Guid.CreateVersion7().ToString()), ("$org", organizationId), ("$id", id), ("$at", at),
                ("$payload", document + new string(' ', 450)));
            user.ExecuteNonQuery();
            value.ExecuteNonQuery();
            webhookEvent.ExecuteNonQuery();
            if ((index - first) % perCommit == perCommit - 1 || index == first + creates - 1)
            {
                transaction!.Commit();
                transaction.Dispose();
            }
        }

        clock.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var perCreate = cpu.TotalMilliseconds / creates;
        var result = new LoadResult(
            $"floor: SQLite alone, {perCommit} create{(perCommit == 1 ? string.Empty : "s")} per commit", creates, 0, clock.Elapsed, 0, 0);
        return (result, $"{perCreate:F3} ms CPU a create in the bench process (one thread); no HTTP, EF Core or JSON");
    }

    private static IEnumerable<string> ParameterNames(string sql) =>
        System.Text.RegularExpressions.Regex.Matches(sql, @"\$[a-zA-Z]+").Select(match => match.Value).Distinct();

    private static void Set(SqliteCommand command, params (string Name, string Value)[] values)
    {
        foreach (var (name, text) in values)
        {
            command.Parameters[name].Value = text;
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
