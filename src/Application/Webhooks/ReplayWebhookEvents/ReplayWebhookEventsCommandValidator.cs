using FluentValidation;

namespace ScimClean.Application.Webhooks.ReplayWebhookEvents;

internal sealed class ReplayWebhookEventsCommandValidator : AbstractValidator<ReplayWebhookEventsCommand>
{
    public ReplayWebhookEventsCommandValidator() =>
        RuleFor(command => command.Since)
            .NotNull()
            .WithMessage("since is required: an ISO 8601 time such as \"2026-01-01T00:00:00Z\"");
}
