using ScimClean.Domain.Organizations;

namespace ScimClean.Application.Organizations.CreateOrganization;

internal sealed class CreateOrganizationCommandHandler(IOrganizationRepository organizations, TimeProvider clock)
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
        return OrganizationResponse.From(organization);
    }
}
