using FluentValidation;
using ScimClean.Domain.Organizations;

namespace ScimClean.Application.Organizations.CreateOrganization;

internal sealed class CreateOrganizationCommandValidator : AbstractValidator<CreateOrganizationCommand>
{
    public CreateOrganizationCommandValidator()
    {
        RuleFor(command => command.Domain)
            .NotEmpty().WithMessage("domain is required, for example \"contoso.com\"")
            .MaximumLength(253).WithMessage("domain has at most 253 characters");
        RuleFor(command => command.Name)
            .NotEmpty().WithMessage("name is required")
            .MaximumLength(Organization.MaxNameLength).WithMessage($"name has at most {Organization.MaxNameLength} characters");
    }
}
