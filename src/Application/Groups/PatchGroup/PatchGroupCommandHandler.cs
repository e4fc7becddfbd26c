using ScimClean.Application.Scim;
using ScimClean.Application.Scim.Patching;
using ScimClean.Application.Scim.Schemas;

namespace ScimClean.Application.Groups.PatchGroup;

/// <summary>
/// Splits the PatchOp into member changes (applied row by row) and attribute changes (applied by the patch
/// engine to the group's document); any failure leaves both untouched, as nothing is committed.
/// </summary>
internal sealed class PatchGroupCommandHandler(
    IGroupRepository groups,
    IGroupMembershipRepository memberships,
    IGroupMemberResolver resolver,
    TimeProvider clock,
    ScimLimits limits)
    : ICommandHandler<PatchGroupCommand, Result<string>>
{
    public async ValueTask<Result<string>> Handle(PatchGroupCommand command, CancellationToken cancellationToken)
    {
        if (!PatchRequest.TryParse(command.Body, out var request, out var requestError, limits.PatchLimits))
        {
            return requestError!.ToError();
        }

        if (!GroupPatchPlanner.TryPlan(request!.Operations, out var plan, out var planError))
        {
            return planError!.ToError();
        }

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

        var now = clock.GetUtcNow();
        if (plan!.OtherOperations.Count > 0)
        {
            var patched = ScimPatchEngine.Apply(group.Attributes.ToJson(), plan.OtherOperations, ScimSchemas.GroupResourceType);
            if (!patched.IsSuccess)
            {
                return patched.Error!.ToError();
            }

            var input = GroupInput.From(patched.Resource!);
            if (input.IsFailure)
            {
                return input.Error!;
            }

            var free = await GroupWrites.EnsureDisplayNameFreeAsync(groups, command.OrganizationId, input.Value.Attributes, group, cancellationToken);
            if (free.IsFailure)
            {
                return free.Error!;
            }

            group.Replace(input.Value.Attributes, now);
        }

        var editor = new MembershipEditor(memberships, resolver, group, now);
        var changed = await editor.ApplyAsync(plan.MembershipChanges, cancellationToken);
        return changed.IsSuccess ? ETag.For(group.Version) : changed.Error!;
    }
}
