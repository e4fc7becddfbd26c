namespace ScimClean.Domain.Groups;

/// <summary>One direct member of a group: a user or a group of the same organization.</summary>
public sealed class GroupMembership
{
    private GroupMembership()
    {
    }

    public Guid GroupId { get; private set; }

    public Guid MemberId { get; private set; }

    public MemberType MemberType { get; private set; }

    public Guid OrganizationId { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    internal static GroupMembership Create(Guid organizationId, Guid groupId, Guid memberId, MemberType memberType, DateTimeOffset now) =>
        new()
        {
            OrganizationId = organizationId,
            GroupId = groupId,
            MemberId = memberId,
            MemberType = memberType,
            AddedAt = now,
        };
}
