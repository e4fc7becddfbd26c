using ScimClean.Application.Audit;
using ScimClean.Application.Organizations;
using ScimClean.Domain.Audit;
using ScimClean.Domain.Organizations;

namespace ScimClean.Application.DirectorySync.DisableDirectorySync;

internal sealed class DisableDirectorySyncCommandHandler(
    IOrganizationRepository organizations,
    IAuditTrail audit,
    TimeProvider clock)
    : ICommandHandler<DisableDirectorySyncCommand, Result>
{
    public async ValueTask<Result> Handle(DisableDirectorySyncCommand command, CancellationToken cancellationToken)
    {
        var organization = await organizations.FindAsync(command.Domain, cancellationToken);
        if (organization is null)
        {
            return OrganizationErrors.NotFound(command.Domain);
        }

        var disabled = organization.DisableDirectorySync(clock.GetUtcNow());
        if (disabled.IsSuccess)
        {
            // Disabling revokes every token of the organization: this entry is also the revocation's record.
            audit.Record(AuditActions.DirectorySyncDisabled, organization.Domain, organization.Domain, "all tokens revoked");
        }

        return disabled;
    }
}
