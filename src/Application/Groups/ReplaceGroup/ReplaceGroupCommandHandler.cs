using ScimClean.Application.Scim;
using ScimClean.Application.Scim.Patching;

namespace ScimClean.Application.Groups.ReplaceGroup;

/// <summary>PUT: replaces the attributes and the whole member set (members absent from the body means none).</summary>
internal sealed class ReplaceGroupCommandHandler(
    IGroupRepository groups,
    IGroupMembershipRepository memberships,
    IGroupMemberResolver resolver,
    TimeProvider clock)
    : ICommandHandler<ReplaceGroupCommand, Result<ScimResourceResult>>
{
    public async ValueTask<Result<ScimResourceResult>> Handle(ReplaceGroupCommand command, CancellationToken cancellationToken)
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

        var input = GroupInput.From(command.Body);
        if (input.IsFailure)
        {
            return input.Error!;
        }

        var free = await GroupWrites.EnsureDisplayNameFreeAsync(groups, command.OrganizationId, input.Value.Attributes, group, cancellationToken);
        if (free.IsFailure)
        {
            return free.Error!;
        }

        var now = clock.GetUtcNow();
        group.Replace(input.Value.Attributes, now);
        var editor = new MembershipEditor(memberships, resolver, group, now);
        var replaced = await editor.ApplyAsync(
            [new MembershipChange(MembershipChangeKind.ReplaceAll, input.Value.MemberIds ?? [])], cancellationToken);
        if (replaced.IsFailure)
        {
            return replaced.Error!;
        }

        return new ScimResourceResult(
            GroupResource.Render(group, command.ScimBaseUrl, editor.CurrentMembers()),
            ETag.For(group.Version),
            GroupResource.LocationOf(command.ScimBaseUrl, group.Id));
    }
}
