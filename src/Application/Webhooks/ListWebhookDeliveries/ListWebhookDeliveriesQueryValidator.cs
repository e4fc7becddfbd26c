using FluentValidation;

namespace ScimClean.Application.Webhooks.ListWebhookDeliveries;

internal sealed class ListWebhookDeliveriesQueryValidator : AbstractValidator<ListWebhookDeliveriesQuery>
{
    public ListWebhookDeliveriesQueryValidator()
    {
        RuleFor(query => query.Status)
            .Must(status => DeliveryStatusNames.Parse(status) is not null)
            .When(query => query.Status is not null)
            .WithMessage($"status must be one of: {string.Join(", ", DeliveryStatusNames.All)}");
        RuleFor(query => query.Limit)
            .InclusiveBetween(1, WebhookPageLimits.MaxLimit)
            .WithMessage($"limit must be between 1 and {WebhookPageLimits.MaxLimit}");
        RuleFor(query => query.After)
            .Must(after => DeliveryCursor.TryDecode(after!, out _))
            .When(query => query.After is not null)
            .WithMessage("after is not a cursor this API handed out; use a nextCursor from a response");
    }
}
