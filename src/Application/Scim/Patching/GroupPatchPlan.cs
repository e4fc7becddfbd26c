namespace ScimClean.Application.Scim.Patching;

/// <summary>
/// A Group PATCH split in two: member-list changes (applied set-based by the caller, in order) and the remaining
/// operations (applied with <see cref="ScimPatchEngine"/> to the group's JSON, which never holds members).
/// For atomicity apply <see cref="OtherOperations"/> first and only persist both when that succeeded.
/// </summary>
public sealed record GroupPatchPlan(IReadOnlyList<MembershipChange> MembershipChanges, IReadOnlyList<PatchOperation> OtherOperations);
