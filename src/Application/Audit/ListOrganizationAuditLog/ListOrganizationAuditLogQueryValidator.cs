using FluentValidation;

namespace ScimClean.Application.Audit.ListOrganizationAuditLog;

internal sealed class ListOrganizationAuditLogQueryValidator : AbstractValidator<ListOrganizationAuditLogQuery>
{
    public ListOrganizationAuditLogQueryValidator()
    {
        RuleFor(query => query.After).ValidAuditCursor();
        RuleFor(query => query.Limit).ValidAuditLimit();
        RuleFor(query => query.Action).ValidAuditActionPattern();
    }
}
