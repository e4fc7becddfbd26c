using ScimClean.Application.Audit;
using ScimClean.Application.Common.Security;
using ScimClean.Application.Organizations;
using ScimClean.Domain.Audit;
using ScimClean.Domain.Organizations;

namespace ScimClean.Application.DirectorySync.RotateDirectoryToken;

internal sealed class RotateDirectoryTokenCommandHandler(
    IOrganizationRepository organizations,
    ISecretGenerator secrets,
    ISecretHasher hasher,
    IAuditTrail audit,
    TimeProvider clock)
    : ICommandHandler<RotateDirectoryTokenCommand, Result<DirectorySyncCredentials>>
{
    public async ValueTask<Result<DirectorySyncCredentials>> Handle(
        RotateDirectoryTokenCommand command,
        CancellationToken cancellationToken)
    {
        var organization = await organizations.FindAsync(command.Domain, cancellationToken);
        if (organization is null)
        {
            return OrganizationErrors.NotFound(command.Domain);
        }

        var now = clock.GetUtcNow();
        var token = secrets.NewToken(DirectoryTokenFormat.Prefix);
        var gracePeriod = TimeSpan.FromSeconds(command.GracePeriodSeconds);
        var rotated = organization.RotateToken(hasher.Hash(token), gracePeriod, now);
        if (rotated.IsFailure)
        {
            return rotated.Error!;
        }

        audit.Record(
            AuditActions.DirectoryTokenRotated,
            organization.Domain,
            organization.Domain,
            $"previous token valid for {command.GracePeriodSeconds} s");

        return new DirectorySyncCredentials(
            ScimBaseUrl.For(command.PublicBaseUrl, organization.Domain),
            token,
            now,
            PreviousTokenExpiresAt: now + gracePeriod);
    }
}
