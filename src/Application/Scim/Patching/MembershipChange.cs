namespace ScimClean.Application.Scim.Patching;

/// <summary>One change to a group's member list, to be applied in order by the caller (set-based, never rewriting the list).</summary>
/// <param name="Kind">The change.</param>
/// <param name="MemberIds">The member ids (distinct, in request order); empty for <see cref="MembershipChangeKind.RemoveAll"/>.</param>
public sealed record MembershipChange(MembershipChangeKind Kind, IReadOnlyList<string> MemberIds)
{
    public static MembershipChange Add(IReadOnlyList<string> memberIds) => new(MembershipChangeKind.Add, memberIds);

    public static MembershipChange Remove(IReadOnlyList<string> memberIds) => new(MembershipChangeKind.Remove, memberIds);

    public static MembershipChange RemoveAll() => new(MembershipChangeKind.RemoveAll, []);

    public static MembershipChange ReplaceAll(IReadOnlyList<string> memberIds) => new(MembershipChangeKind.ReplaceAll, memberIds);
}
