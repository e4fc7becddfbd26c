using FluentValidation;

namespace ScimClean.Application.Webhooks.UpdateWebhookEndpoint;

internal sealed class UpdateWebhookEndpointCommandValidator : AbstractValidator<UpdateWebhookEndpointCommand>
{
    public UpdateWebhookEndpointCommandValidator()
    {
        RuleFor(command => command.Url).MustBeWebhookUrl().When(command => command.Url is not null);
        RuleFor(command => command.Events).EventPatterns();
        RuleFor(command => command.Organizations).OrganizationDomains();
    }
}
