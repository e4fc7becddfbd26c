namespace ScimClean.Domain.Webhooks;

/// <summary>
/// Where the SaaS app wants events: a URL, the event types and organizations it subscribes to, and its
/// signing secret (kept encrypted; during a rotation the previous one signs too, until it expires).
/// </summary>
public sealed class WebhookEndpoint
{
    private List<string> _eventTypes = [];
    private List<string> _organizations = [];

    private WebhookEndpoint()
    {
        Url = string.Empty;
        SecretCiphertext = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Url { get; private set; }

    /// <summary>Subscribed patterns ("user.*", "group.user_added"); empty means every event.</summary>
    public IReadOnlyList<string> EventTypes => _eventTypes;

    /// <summary>Subscribed organization domains; empty means every organization.</summary>
    public IReadOnlyList<string> Organizations => _organizations;

    public bool Enabled { get; private set; }

    public string? DisabledReason { get; private set; }

    public DateTimeOffset? DisabledAt { get; private set; }

    public string SecretCiphertext { get; private set; }

    public string? PreviousSecretCiphertext { get; private set; }

    public DateTimeOffset? PreviousSecretExpiresAt { get; private set; }

    /// <summary>Since when every attempt has failed; null after any success.</summary>
    public DateTimeOffset? FailingSince { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static WebhookEndpoint Create(
        string url,
        IEnumerable<string>? eventTypes,
        IEnumerable<string>? organizations,
        string secretCiphertext,
        DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(now),
            Url = url,
            _eventTypes = eventTypes?.Distinct(StringComparer.Ordinal).ToList() ?? [],
            _organizations = organizations?.Select(domain => domain.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList() ?? [],
            Enabled = true,
            SecretCiphertext = secretCiphertext,
            CreatedAt = now,
            UpdatedAt = now,
        };

    public bool Subscribes(string eventType, string organization) =>
        (_eventTypes.Count == 0 || _eventTypes.Any(pattern => WebhookEventTypes.Matches(pattern, eventType)))
        && (_organizations.Count == 0 || _organizations.Contains(organization, StringComparer.OrdinalIgnoreCase));

    public void Update(string? url, IEnumerable<string>? eventTypes, IEnumerable<string>? organizations, DateTimeOffset now)
    {
        if (url is not null)
        {
            Url = url;
        }

        if (eventTypes is not null)
        {
            _eventTypes = eventTypes.Distinct(StringComparer.Ordinal).ToList();
        }

        if (organizations is not null)
        {
            _organizations = organizations.Select(domain => domain.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        }

        UpdatedAt = now;
    }

    /// <summary>A new secret; the current one keeps signing beside it until the grace period ends.</summary>
    public void RotateSecret(string newSecretCiphertext, TimeSpan gracePeriod, DateTimeOffset now)
    {
        PreviousSecretCiphertext = gracePeriod > TimeSpan.Zero ? SecretCiphertext : null;
        PreviousSecretExpiresAt = gracePeriod > TimeSpan.Zero ? now + gracePeriod : null;
        SecretCiphertext = newSecretCiphertext;
        UpdatedAt = now;
    }

    /// <summary>The secrets that sign a message sent at <paramref name="now"/>: the current one, and the previous during its grace.</summary>
    public IReadOnlyList<string> SigningSecretCiphertexts(DateTimeOffset now) =>
        PreviousSecretCiphertext is not null && PreviousSecretExpiresAt > now
            ? [SecretCiphertext, PreviousSecretCiphertext]
            : [SecretCiphertext];

    public void Disable(string reason, DateTimeOffset now)
    {
        Enabled = false;
        DisabledReason = reason;
        DisabledAt = now;
        UpdatedAt = now;
    }

    /// <summary>Re-enabling resumes the endpoint's pending deliveries in order.</summary>
    public void Enable(DateTimeOffset now)
    {
        Enabled = true;
        DisabledReason = null;
        DisabledAt = null;
        FailingSince = null;
        UpdatedAt = now;
    }

    public void RecordSuccess() => FailingSince = null;

    /// <summary>Records a failed attempt; true when the endpoint has now failed for longer than allowed and was disabled.</summary>
    public bool RecordFailure(DateTimeOffset now, TimeSpan disableAfter)
    {
        FailingSince ??= now;
        if (Enabled && now - FailingSince >= disableAfter)
        {
            Disable($"every delivery failed for {disableAfter.TotalDays:0.#} days", now);
            return true;
        }

        return false;
    }
}
