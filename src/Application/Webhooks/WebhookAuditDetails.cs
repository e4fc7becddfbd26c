namespace ScimClean.Application.Webhooks;

/// <summary>
/// The audit details of webhook endpoint changes. A URL is reduced to its host: receivers sometimes carry a
/// credential in the path or query string, and the audit log must never hold one.
/// </summary>
internal static class WebhookAuditDetails
{
    public static string Host(Uri url) => $"host: {url.IdnHost}";

    public static string Update(Uri? url, IReadOnlyList<string>? events, IReadOnlyList<string>? organizations, bool? enabled)
    {
        var changed = new List<string>();
        if (url is not null)
        {
            changed.Add($"url (host {url.IdnHost})");
        }

        if (events is not null)
        {
            changed.Add("events");
        }

        if (organizations is not null)
        {
            changed.Add("organizations");
        }

        if (enabled is not null)
        {
            changed.Add(enabled.Value ? "enabled" : "disabled");
        }

        return changed.Count == 0 ? "no change" : $"changed: {string.Join(", ", changed)}";
    }
}
