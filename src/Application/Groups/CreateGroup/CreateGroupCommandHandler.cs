using ScimClean.Application.Scim;
using ScimClean.Application.Scim.Patching;
using ScimClean.Domain.Groups;

namespace ScimClean.Application.Groups.CreateGroup;

internal sealed class CreateGroupCommandHandler(
    IGroupRepository groups,
    IGroupMembershipRepository memberships,
    IGroupMemberResolver resolver,
    TimeProvider clock)
    : ICommandHandler<CreateGroupCommand, Result<ScimResourceResult>>
{
    public async ValueTask<Result<ScimResourceResult>> Handle(CreateGroupCommand command, CancellationToken cancellationToken)
    {
        var input = GroupInput.From(command.Body);
        if (input.IsFailure)
        {
            return input.Error!;
        }

        var free = await GroupWrites.EnsureDisplayNameFreeAsync(groups, command.OrganizationId, input.Value.Attributes, null, cancellationToken);
        if (free.IsFailure)
        {
            return free.Error!;
        }

        var now = clock.GetUtcNow();
        var group = Group.Create(command.OrganizationId, input.Value.Attributes, now);
        groups.Add(group);
        var editor = new MembershipEditor(memberships, resolver, group, now);
        if (input.Value.MemberIds is { Count: > 0 } memberIds)
        {
            var added = await editor.ApplyAsync([new MembershipChange(MembershipChangeKind.Add, memberIds)], cancellationToken);
            if (added.IsFailure)
            {
                return added.Error!;
            }
        }

        // Nothing is committed yet, so the members come from what was just added rather than from a query.
        var members = editor.Added.Select(membership => new GroupMemberView(membership.MemberId, membership.MemberType, null)).ToList();
        return new ScimResourceResult(
            GroupResource.Render(group, command.ScimBaseUrl, members),
            ETag.For(group.Version),
            GroupResource.LocationOf(command.ScimBaseUrl, group.Id));
    }
}
