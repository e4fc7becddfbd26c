using FluentValidation;

namespace ScimClean.Application.Webhooks.RotateWebhookSecret;

internal sealed class RotateWebhookSecretCommandValidator : AbstractValidator<RotateWebhookSecretCommand>
{
    public RotateWebhookSecretCommandValidator() =>
        RuleFor(command => command.GracePeriodSeconds)
            .InclusiveBetween(0, RotateWebhookSecretCommand.MaxGracePeriodSeconds)
            .WithMessage($"gracePeriodSeconds must be between 0 and {RotateWebhookSecretCommand.MaxGracePeriodSeconds} (7 days)");
}
