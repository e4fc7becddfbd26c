using FluentValidation;
using ScimClean.Domain.Organizations;
using ScimClean.Domain.Webhooks;
using ScimClean.Application.Common.Paging;

namespace ScimClean.Application.Webhooks.ListEvents;

internal sealed class ListEventsQueryValidator : AbstractValidator<ListEventsQuery>
{
    public ListEventsQueryValidator()
    {
        RuleFor(query => query.After)
            .Must(after => PositionCursor.TryDecode(after!, out _))
            .When(query => query.After is not null)
            .WithMessage("after is not a cursor this API handed out; start without one, or use a nextCursor from a response");
        RuleFor(query => query.Limit)
            .InclusiveBetween(1, WebhookPageLimits.MaxLimit)
            .WithMessage($"limit must be between 1 and {WebhookPageLimits.MaxLimit}");
        RuleFor(query => query.Organization)
            .Must(domain => OrganizationDomain.Normalize(domain).IsSuccess)
            .When(query => query.Organization is not null)
            .WithMessage("organization must be an organization domain such as \"contoso.com\"");
        RuleFor(query => query.Type)
            .Must(type => WebhookEventTypes.IsValidPattern(type!))
            .When(query => query.Type is not null)
            .WithMessage($"type must be \"*\", a family such as \"user.*\", or one of: {string.Join(", ", WebhookEventTypes.All)}");
    }
}
