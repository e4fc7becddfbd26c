using System.Text.Json.Nodes;

namespace ScimClean.Domain.Groups;

/// <summary>
/// A group of one organization's directory. Its members are <see cref="GroupMembership"/> rows, changed one
/// at a time through <see cref="AddMember"/> and <see cref="RemoveMember"/>, never by rewriting a list.
/// </summary>
public sealed class Group : AggregateRoot
{
    private string _document = "{}";

    private Group()
    {
        DisplayName = string.Empty;
        NormalizedDisplayName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid OrganizationId { get; private set; }

    public string DisplayName { get; private set; }

    /// <summary>Upper-case invariant displayName: Entra matches groups on it, so it is unique per organization.</summary>
    public string NormalizedDisplayName { get; private set; }

    public string? ExternalId { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset LastModifiedAt { get; private set; }

    public GroupAttributes Attributes => GroupAttributes.From(JsonNode.Parse(_document)!.AsObject()).Value;

    public static Group Create(Guid organizationId, GroupAttributes attributes, DateTimeOffset now)
    {
        var group = new Group
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = organizationId,
            CreatedAt = now,
        };
        group.Apply(attributes, now);
        group.Raise(new GroupCreated(organizationId, group.Id, now));
        return group;
    }

    /// <summary>Replaces the attributes other than members; no change, no event.</summary>
    public void Replace(GroupAttributes attributes, DateTimeOffset now)
    {
        var before = Attributes;
        var changed = before.Names.Union(attributes.Names, StringComparer.Ordinal)
            .Where(name => !JsonNode.DeepEquals(before.Get(name), attributes.Get(name)))
            .ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var previous = new JsonObject();
        foreach (var name in changed)
        {
            previous[name] = before.Get(name)?.DeepClone();
        }

        Apply(attributes, now);
        Raise(new GroupUpdated(OrganizationId, Id, previous, now));
    }

    /// <summary>A new membership row; the caller has checked that it did not exist and that the member is real.</summary>
    public Result<GroupMembership> AddMember(Guid memberId, MemberType memberType, DateTimeOffset now)
    {
        if (memberType == MemberType.Group && memberId == Id)
        {
            return GroupErrors.GroupCannotContainItself;
        }

        Touch(now);
        Raise(new GroupMemberAdded(OrganizationId, Id, memberId, memberType, now));
        return GroupMembership.Create(OrganizationId, Id, memberId, memberType, now);
    }

    /// <summary>Records that an existing membership row was removed.</summary>
    public void RemoveMember(GroupMembership membership, DateTimeOffset now)
    {
        Touch(now);
        Raise(new GroupMemberRemoved(OrganizationId, Id, membership.MemberId, membership.MemberType, now));
    }

    public void Delete(DateTimeOffset now) => Raise(new GroupDeleted(OrganizationId, Id, Attributes.ToJson(), now));

    private void Apply(GroupAttributes attributes, DateTimeOffset now)
    {
        _document = attributes.Serialize();
        DisplayName = attributes.DisplayName;
        NormalizedDisplayName = GroupAttributes.NormalizeDisplayName(attributes.DisplayName);
        ExternalId = attributes.ExternalId;
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        LastModifiedAt = now;
        Version++;
    }
}
