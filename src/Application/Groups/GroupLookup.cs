using ScimClean.Domain.Groups;

namespace ScimClean.Application.Groups;

internal static class GroupLookup
{
    public static async Task<Result<Group>> FindAsync(
        this IGroupRepository groups,
        Guid organizationId,
        string id,
        CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var groupId))
        {
            return GroupErrors.NotFound(id);
        }

        var group = await groups.FindAsync(organizationId, groupId, cancellationToken);
        return group is null ? GroupErrors.NotFound(id) : group;
    }
}
