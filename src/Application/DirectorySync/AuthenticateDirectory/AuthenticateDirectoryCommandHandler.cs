using ScimClean.Application.Common.Security;
using ScimClean.Application.Organizations;

namespace ScimClean.Application.DirectorySync.AuthenticateDirectory;

internal sealed class AuthenticateDirectoryCommandHandler(
    IOrganizationRepository organizations,
    ISecretHasher hasher,
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

        var organization = await organizations.FindAsync(command.Domain, cancellationToken);
        if (organization is null)
        {
            return DirectoryAuthenticationErrors.InvalidCredentials;
        }

        var now = clock.GetUtcNow();
        // Check every valid token (at most a few during a rotation) so timing does not tell which one matched.
        var matched = false;
        foreach (var token in organization.ValidTokens(now))
        {
            matched |= hasher.Matches(command.Token, token.TokenHash);
        }

        if (!matched)
        {
            return DirectoryAuthenticationErrors.InvalidCredentials;
        }

        organization.RecordScimRequest(now);
        return new DirectoryPrincipal(organization.Id, organization.Domain);
    }
}
