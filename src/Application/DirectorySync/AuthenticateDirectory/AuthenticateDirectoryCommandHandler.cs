using ScimClean.Application.Common.Security;
using ScimClean.Application.Organizations;

namespace ScimClean.Application.DirectorySync.AuthenticateDirectory;

internal sealed class AuthenticateDirectoryCommandHandler(
    IOrganizationRepository organizations,
    ISecretHasher hasher,
    DirectoryCredentialCache cache,
    TimeProvider clock)
    : ICommandHandler<AuthenticateDirectoryCommand, Result<DirectoryPrincipal>>
{
    public async ValueTask<Result<DirectoryPrincipal>> Handle(
        AuthenticateDirectoryCommand command,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(command.Token))
        {
            return DirectoryAuthenticationErrors.InvalidCredentials;
        }

        // Taken before the read: a token change committed while this check runs makes its cache entry unusable.
        var generation = cache.Generation;
        var organization = await organizations.FindAsync(command.Domain, cancellationToken);
        if (organization is null)
        {
            return DirectoryAuthenticationErrors.InvalidCredentials;
        }

        var now = clock.GetUtcNow();
        // Check every valid token (at most a few during a rotation) so timing does not tell which one matched.
        var matched = false;
        DateTimeOffset? validUntil = null;
        foreach (var token in organization.ValidTokens(now))
        {
            if (hasher.Matches(command.Token, token.TokenHash))
            {
                matched = true;
                validUntil = token.ExpiresAt;
            }
        }

        if (!matched)
        {
            return DirectoryAuthenticationErrors.InvalidCredentials;
        }

        organization.RecordScimRequest(now);
        var principal = new DirectoryPrincipal(organization.Id, organization.Domain);
        cache.Remember(command.Domain, command.Token, principal, validUntil, generation);
        return principal;
    }
}
