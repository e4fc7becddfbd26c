using FluentValidation;
using ScimClean.Domain.Organizations;

namespace ScimClean.Application.Audit.ListAuditLog;

internal sealed class ListAuditLogQueryValidator : AbstractValidator<ListAuditLogQuery>
{
    public ListAuditLogQueryValidator()
    {
        RuleFor(query => query.After).ValidAuditCursor();
        RuleFor(query => query.Limit).ValidAuditLimit();
        RuleFor(query => query.Action).ValidAuditActionPattern();
        RuleFor(query => query.Organization)
            .Must(domain => OrganizationDomain.Normalize(domain).IsSuccess)
            .When(query => query.Organization is not null)
            .WithMessage("organization must be an organization domain such as \"contoso.com\"");
    }
}
