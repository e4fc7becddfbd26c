namespace ScimClean.Infrastructure.Webhooks.Security;

/// <summary>The <c>Webhooks</c> configuration section, as far as the URL policy reads it.</summary>
public sealed class WebhookUrlPolicyOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>Allows loopback/private addresses and plain http (local development, tests). Default false.</summary>
    public bool AllowPrivateNetworks { get; set; }
}
