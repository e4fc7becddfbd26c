using ScimClean.Application.Audit;
using ScimClean.Domain.Audit;
using ScimClean.Domain.Organizations;

namespace ScimClean.Application.Organizations.DeleteOrganization;

internal sealed class DeleteOrganizationCommandHandler(IOrganizationRepository organizations, IAuditTrail audit)
    : ICommandHandler<DeleteOrganizationCommand, Result>
{
    public async ValueTask<Result> Handle(DeleteOrganizationCommand command, CancellationToken cancellationToken)
    {
        var organization = await organizations.FindAsync(command.Domain, cancellationToken);
        if (organization is null)
        {
            return OrganizationErrors.NotFound(command.Domain);
        }

        await organizations.RemoveAsync(organization, cancellationToken);
        // Entries name the organization by domain, without a foreign key: its audit trail outlives it.
        audit.Record(AuditActions.OrganizationDeleted, organization.Domain, organization.Domain);
        return Result.Success();
    }
}
