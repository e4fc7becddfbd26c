namespace ScimClean.Domain.Audit;

/// <summary>
/// The admin actions the audit log records, as stable dotted names (resource family, then what happened), so that
/// readers can filter on a family ("webhook.*") or one action.
/// </summary>
public static class AuditActions
{
    public const string OrganizationCreated = "organization.created";
    public const string OrganizationDeleted = "organization.deleted";
    public const string DirectorySyncEnabled = "directory.sync_enabled";
    public const string DirectorySyncDisabled = "directory.sync_disabled";
    public const string DirectoryTokenRotated = "directory.token_rotated";
    public const string WebhookEndpointCreated = "webhook.endpoint_created";
    public const string WebhookEndpointUpdated = "webhook.endpoint_updated";
    public const string WebhookEndpointDeleted = "webhook.endpoint_deleted";
    public const string WebhookSecretRotated = "webhook.secret_rotated";
    public const string WebhookReplayRequested = "webhook.replay_requested";
    public const string WebhookDeliveryRetryRequested = "webhook.delivery_retry_requested";
    public const string DatabaseBackedUp = "database.backed_up";

    public static readonly IReadOnlyList<string> All =
    [
        OrganizationCreated,
        OrganizationDeleted,
        DirectorySyncEnabled,
        DirectorySyncDisabled,
        DirectoryTokenRotated,
        WebhookEndpointCreated,
        WebhookEndpointUpdated,
        WebhookEndpointDeleted,
        WebhookSecretRotated,
        WebhookReplayRequested,
        WebhookDeliveryRetryRequested,
        DatabaseBackedUp,
    ];

    public static bool IsKnown(string action) => All.Contains(action, StringComparer.Ordinal);

    /// <summary>A filter: one action, a family such as "webhook.*", or "*".</summary>
    public static bool IsValidPattern(string pattern) =>
        pattern == "*"
        || IsKnown(pattern)
        || (pattern.EndsWith(".*", StringComparison.Ordinal)
            && All.Any(action => action.StartsWith(pattern[..^1], StringComparison.Ordinal)));
}
