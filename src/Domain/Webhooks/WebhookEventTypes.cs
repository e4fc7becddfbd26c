namespace ScimClean.Domain.Webhooks;

/// <summary>The event types a webhook endpoint can subscribe to.</summary>
public static class WebhookEventTypes
{
    public const string UserCreated = "user.created";
    public const string UserUpdated = "user.updated";
    public const string UserDeactivated = "user.deactivated";
    public const string UserReactivated = "user.reactivated";
    public const string UserDeleted = "user.deleted";
    public const string GroupCreated = "group.created";
    public const string GroupUpdated = "group.updated";
    public const string GroupDeleted = "group.deleted";
    public const string GroupUserAdded = "group.user_added";
    public const string GroupUserRemoved = "group.user_removed";
    public const string DirectoryEnabled = "directory.enabled";
    public const string DirectoryDisabled = "directory.disabled";

    public static readonly IReadOnlyList<string> All =
    [
        UserCreated, UserUpdated, UserDeactivated, UserReactivated, UserDeleted,
        GroupCreated, GroupUpdated, GroupDeleted, GroupUserAdded, GroupUserRemoved,
        DirectoryEnabled, DirectoryDisabled,
    ];

    /// <summary>Whether a subscription pattern ("user.*", "*", or an exact type) selects an event type.</summary>
    public static bool Matches(string pattern, string type) =>
        pattern == "*"
        || string.Equals(pattern, type, StringComparison.Ordinal)
        || (pattern.EndsWith(".*", StringComparison.Ordinal)
            && type.StartsWith(pattern[..^1], StringComparison.Ordinal));

    /// <summary>A pattern is valid when it names a known type or a known family ("user.*").</summary>
    public static bool IsValidPattern(string pattern) =>
        pattern == "*" || All.Contains(pattern) || All.Any(type => pattern.EndsWith(".*", StringComparison.Ordinal)
            && type.StartsWith(pattern[..^1], StringComparison.Ordinal));
}
