using ScimClean.Domain.Organizations;

namespace ScimClean.Application.Organizations.DeleteOrganization;

internal sealed class DeleteOrganizationCommandHandler(IOrganizationRepository organizations)
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
        return Result.Success();
    }
}
