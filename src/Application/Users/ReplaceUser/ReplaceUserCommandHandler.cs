using ScimClean.Application.Common.Security;
using ScimClean.Application.Scim;

namespace ScimClean.Application.Users.ReplaceUser;

internal sealed class ReplaceUserCommandHandler(
    IUserRepository users,
    IUserGroupQueries groupQueries,
    IPasswordHasher passwords,
    TimeProvider clock)
    : ICommandHandler<ReplaceUserCommand, Result<ScimResourceResult>>
{
    public async ValueTask<Result<ScimResourceResult>> Handle(ReplaceUserCommand command, CancellationToken cancellationToken)
    {
        var found = await users.FindAsync(command.OrganizationId, command.UserId, cancellationToken);
        if (found.IsFailure)
        {
            return found.Error!;
        }

        var user = found.Value;
        if (!ETag.Satisfies(command.IfMatch, user.Version))
        {
            return ScimRequestErrors.VersionMismatch(ETag.For(user.Version));
        }

        var input = UserInput.From(command.Body, passwords);
        if (input.IsFailure)
        {
            return input.Error!;
        }

        var saved = await UserWrites.ReplaceAsync(users, user, input.Value, clock.GetUtcNow(), cancellationToken);
        return saved.IsSuccess
            ? await UserResource.ToResultAsync(user, command.ScimBaseUrl, groupQueries, cancellationToken)
            : saved.Error!;
    }
}
