using ScimClean.Application.Scim;

namespace ScimClean.Application.Users.DeleteUser;

internal sealed class DeleteUserCommandHandler(IUserRepository users, TimeProvider clock)
    : ICommandHandler<DeleteUserCommand, Result>
{
    public async ValueTask<Result> Handle(DeleteUserCommand command, CancellationToken cancellationToken)
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

        user.Delete(clock.GetUtcNow());
        await users.RemoveAsync(user, cancellationToken);
        return Result.Success();
    }
}
