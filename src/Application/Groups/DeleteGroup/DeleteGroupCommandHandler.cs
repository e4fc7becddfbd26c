using ScimClean.Application.Scim;

namespace ScimClean.Application.Groups.DeleteGroup;

internal sealed class DeleteGroupCommandHandler(IGroupRepository groups, TimeProvider clock)
    : ICommandHandler<DeleteGroupCommand, Result>
{
    public async ValueTask<Result> Handle(DeleteGroupCommand command, CancellationToken cancellationToken)
    {
        var found = await groups.FindAsync(command.OrganizationId, command.GroupId, cancellationToken);
        if (found.IsFailure)
        {
            return found.Error!;
        }

        var group = found.Value;
        if (!ETag.Satisfies(command.IfMatch, group.Version))
        {
            return ScimRequestErrors.VersionMismatch(ETag.For(group.Version));
        }

        group.Delete(clock.GetUtcNow());
        await groups.RemoveAsync(group, cancellationToken);
        return Result.Success();
    }
}
