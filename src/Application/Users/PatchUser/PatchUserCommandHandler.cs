using ScimClean.Application.Common.Security;
using ScimClean.Application.Scim;
using ScimClean.Application.Scim.Patching;
using ScimClean.Application.Scim.Schemas;

namespace ScimClean.Application.Users.PatchUser;

/// <summary>
/// Applies a PatchOp to a user all or nothing: the engine works on a copy, and only a fully applied,
/// re-validated result replaces the stored attributes.
/// </summary>
internal sealed class PatchUserCommandHandler(
    IUserRepository users,
    IUserGroupQueries groupQueries,
    IPasswordHasher passwords,
    TimeProvider clock,
    ScimLimits limits)
    : ICommandHandler<PatchUserCommand, Result<ScimResourceResult>>
{
    public async ValueTask<Result<ScimResourceResult>> Handle(PatchUserCommand command, CancellationToken cancellationToken)
    {
        if (!PatchRequest.TryParse(command.Body, out var request, out var requestError, limits.PatchLimits))
        {
            return requestError!.ToError();
        }

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

        var patched = ScimPatchEngine.Apply(user.Attributes.ToJson(), request!.Operations, ScimSchemas.UserResourceType);
        if (!patched.IsSuccess)
        {
            return patched.Error!.ToError();
        }

        var input = UserInput.From(patched.Resource!, passwords);
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
