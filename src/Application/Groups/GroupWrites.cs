using ScimClean.Domain.Groups;

namespace ScimClean.Application.Groups;

internal static class GroupWrites
{
    /// <summary>Checks that a new or changed displayName is free in the organization (case-insensitive).</summary>
    public static async Task<Result> EnsureDisplayNameFreeAsync(
        IGroupRepository groups,
        Guid organizationId,
        GroupAttributes attributes,
        Group? current,
        CancellationToken cancellationToken)
    {
        var normalized = GroupAttributes.NormalizeDisplayName(attributes.DisplayName);
        if (current is not null && normalized == current.NormalizedDisplayName)
        {
            return Result.Success();
        }

        return await groups.DisplayNameExistsAsync(organizationId, normalized, current?.Id, cancellationToken)
            ? GroupErrors.DisplayNameTaken(attributes.DisplayName)
            : Result.Success();
    }
}
