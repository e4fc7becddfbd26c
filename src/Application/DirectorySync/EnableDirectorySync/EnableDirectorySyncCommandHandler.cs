using ScimClean.Application.Audit;
using ScimClean.Application.Common.Security;
using ScimClean.Application.Organizations;
using ScimClean.Domain.Audit;
using ScimClean.Domain.Organizations;

namespace ScimClean.Application.DirectorySync.EnableDirectorySync;

internal sealed class EnableDirectorySyncCommandHandler(
    IOrganizationRepository organizations,
    ISecretGenerator secrets,
    ISecretHasher hasher,
    IAuditTrail audit,
    TimeProvider clock)
    : ICommandHandler<EnableDirectorySyncCommand, Result<DirectorySyncCredentials>>
{
    public async ValueTask<Result<DirectorySyncCredentials>> Handle(
        EnableDirectorySyncCommand command,
        CancellationToken cancellationToken)
    {
        var organization = await organizations.FindAsync(command.Domain, cancellationToken);
        if (organization is null)
        {
            return OrganizationErrors.NotFound(command.Domain);
        }

        var now = clock.GetUtcNow();
        var token = secrets.NewToken(DirectoryTokenFormat.Prefix);
        var enabled = organization.EnableDirectorySync(hasher.Hash(token), now);
        if (enabled.IsFailure)
        {
            return enabled.Error!;
        }

        audit.Record(AuditActions.DirectorySyncEnabled, organization.Domain, organization.Domain, "token issued");

        return new DirectorySyncCredentials(
            ScimBaseUrl.For(command.PublicBaseUrl, organization.Domain), token, now, PreviousTokenExpiresAt: null);
    }
}
