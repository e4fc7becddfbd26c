using System.Globalization;
using System.Text;
using ScimClean.Api.IntegrationTests.Infrastructure;

namespace ScimClean.Api.IntegrationTests.Hardening.Isolation;

/// <summary>
/// Everything one organization owns, read straight from the database: its row and tokens, users and groups (with
/// versions, which every write moves), memberships, indexed values, events, its webhook endpoint and that
/// endpoint's deliveries, and its audit entries. Equal before and after means nothing of it changed.
/// </summary>
public static class TenantFingerprint
{
    private static readonly string[] Queries =
    [
        """SELECT "Domain", "Name", "DirectorySyncEnabled" FROM "Organizations" WHERE "Id" = @org""",
        """SELECT "TokenHash", "ExpiresAt" FROM "DirectoryTokens" WHERE "OrganizationId" = @org ORDER BY "TokenHash" """,
        """SELECT "Id", "Version", "Active", "UserName", "LastModifiedAt", "Document" FROM "Users" WHERE "OrganizationId" = @org ORDER BY "Id" """,
        """SELECT COUNT(*) FROM "UserValues" WHERE "OrganizationId" = @org""",
        """SELECT "Id", "Version", "DisplayName", "LastModifiedAt", "Document" FROM "Groups" WHERE "OrganizationId" = @org ORDER BY "Id" """,
        """SELECT "GroupId", "MemberId" FROM "GroupMemberships" WHERE "OrganizationId" = @org ORDER BY "GroupId", "MemberId" """,
        """SELECT "Id" FROM "WebhookEvents" WHERE "OrganizationId" = @org ORDER BY "Position" """,
        """SELECT "Url", "Enabled", "SecretCiphertext", "PreviousSecretCiphertext", "UpdatedAt", "EventTypes", "Organizations" FROM "WebhookEndpoints" WHERE "Id" = @endpoint""",
        """SELECT "Id", "Status", "Attempts", "NextAttemptAt" FROM "WebhookDeliveries" WHERE "EndpointId" = @endpoint ORDER BY "Id" """,
        """SELECT COUNT(*) FROM "AuditLog" WHERE "Organization" = @domain""",
    ];

    public static async Task<string> ReadAsync(ScimCleanApiFactory factory, Tenant tenant)
    {
        var ct = TestContext.Current.CancellationToken;
        var text = new StringBuilder();
        await using var connection = await factory.Database.OpenConnectionAsync(ct);
        foreach (var sql in Queries)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            AddIfUsed(command, "org", factory.Database.Key(tenant.OrganizationId));
            AddIfUsed(command, "endpoint", factory.Database.Key(tenant.EndpointId));
            AddIfUsed(command, "domain", tenant.Domain);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var rows = 0;
            while (await reader.ReadAsync(ct))
            {
                rows++;
                for (var column = 0; column < reader.FieldCount; column++)
                {
                    text.Append(reader.IsDBNull(column) ? "null" : Convert.ToString(reader.GetValue(column), CultureInfo.InvariantCulture)).Append('|');
                }

                text.Append('\n');
            }

            // A fingerprint of nothing would prove nothing: every query finds the tenant's rows.
            Assert.True(rows > 0, $"the fingerprint query found no row: {sql}");
        }

        return text.ToString();
    }

    private static void AddIfUsed(System.Data.Common.DbCommand command, string name, object value)
    {
        if (command.CommandText.Contains("@" + name, StringComparison.Ordinal))
        {
            TestDatabase.AddParameter(command, name, value);
        }
    }
}
