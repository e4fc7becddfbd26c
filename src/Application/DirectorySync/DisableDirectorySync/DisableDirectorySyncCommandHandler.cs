using ScimClean.Application.Organizations;
using ScimClean.Domain.Organizations;

namespace ScimClean.Application.DirectorySync.DisableDirectorySync;

internal sealed class DisableDirectorySyncCommandHandler(IOrganizationRepository organizations, TimeProvider clock)
    : ICommandHandler<DisableDirectorySyncCommand, Result>
{
    public async ValueTask<Result> Handle(DisableDirectorySyncCommand command, CancellationToken cancellationToken)
    {
        var organization = await organizations.FindAsync(command.Domain, cancellationToken);
        return organization is null
            ? OrganizationErrors.NotFound(command.Domain)
            : organization.DisableDirectorySync(clock.GetUtcNow());
    }
}
