namespace ScimClean.Application.Webhooks.RotateWebhookSecret;

/// <summary>A new signing secret; the current one keeps signing beside it for the grace period.</summary>
public sealed record RotateWebhookSecretCommand(Guid Id, int GracePeriodSeconds) : ICommand<Result<WebhookSecretResponse>>
{
    public const int DefaultGracePeriodSeconds = 24 * 60 * 60;
    public const int MaxGracePeriodSeconds = 7 * 24 * 60 * 60;
}
