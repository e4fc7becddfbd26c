using FluentValidation;

namespace ScimClean.Application.Webhooks.CreateWebhookEndpoint;

internal sealed class CreateWebhookEndpointCommandValidator : AbstractValidator<CreateWebhookEndpointCommand>
{
    public CreateWebhookEndpointCommandValidator()
    {
        RuleFor(command => command.Url).MustBeWebhookUrl();
        RuleFor(command => command.Events).EventPatterns();
        RuleFor(command => command.Organizations).OrganizationDomains();
    }
}
