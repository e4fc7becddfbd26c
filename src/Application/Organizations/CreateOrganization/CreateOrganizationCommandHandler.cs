using ScimClean.Application.Audit;
using ScimClean.Domain.Audit;
using ScimClean.Domain.Organizations;

namespace ScimClean.Application.Organizations.CreateOrganization;

internal sealed class CreateOrganizationCommandHandler(
    IOrganizationRepository organizations,
    IAuditTrail audit,
    TimeProvider clock)
    : ICommandHandler<CreateOrganizationCommand, Result<OrganizationResponse>>
{
    public async ValueTask<Result<OrganizationResponse>> Handle(
        CreateOrganizationCommand command,
        CancellationToken cancellationToken)
    {
        var created = Organization.Create(command.Domain, command.Name, clock.GetUtcNow());
        if (created.IsFailure)
        {
            return created.Error!;
        }

        var organization = created.Value;
        if (await organizations.DomainExistsAsync(organization.Domain, cancellationToken))
        {
            return OrganizationErrors.DomainTaken(organization.Domain);
        }

        organizations.Add(organization);
        audit.Record(AuditActions.OrganizationCreated, organization.Domain, organization.Domain, $"name: {organization.Name}");
        return OrganizationResponse.From(organization);
    }
}
