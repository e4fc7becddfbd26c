namespace ScimClean.Infrastructure.Webhooks.Retention;

/// <summary>The <c>Webhooks</c> configuration section, as far as event retention reads it.</summary>
public sealed class WebhookRetentionOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>How long events stay readable through the events API and replayable. Default 30 days.</summary>
    public int EventRetentionDays { get; set; } = 30;
}
