using System.Text.Json.Nodes;
using ScimClean.Domain.Groups;

namespace ScimClean.Domain.UnitTests.Groups;

public sealed class GroupTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid OrganizationId = Guid.Parse("0199b3a0-0000-7000-8000-000000000001");

    private static GroupAttributes Attributes(string displayName = "Engineering", string? externalId = null) =>
        GroupAttributes.From(new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:Group"),
            ["displayName"] = displayName,
            ["externalId"] = externalId,
            ["members"] = new JsonArray(new JsonObject { ["value"] = Guid.NewGuid().ToString() }),
        }).Value;

    private static Group NewGroup()
    {
        var group = Group.Create(OrganizationId, Attributes(), Now);
        group.ClearDomainEvents();
        return group;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void From_WhenDisplayNameIsMissing_ShouldFail(string? displayName)
    {
        var result = GroupAttributes.From(new JsonObject { ["displayName"] = displayName });

        Assert.Equal(GroupErrors.DisplayNameRequired, result.Error);
    }

    [Fact]
    public void From_ShouldNeverKeepMembersInTheDocument()
    {
        Assert.False(Attributes().ToJson().ContainsKey("members"));
    }

    [Fact]
    public void Create_ShouldNormalizeTheDisplayNameAndRaiseCreated()
    {
        var group = Group.Create(OrganizationId, Attributes("Engineering "), Now);

        Assert.Equal("ENGINEERING", group.NormalizedDisplayName);
        Assert.IsType<GroupCreated>(Assert.Single(group.DomainEvents));
    }

    [Fact]
    public void AddMember_ShouldCreateOneRowAndRaiseMemberAdded()
    {
        var group = NewGroup();
        var userId = Guid.NewGuid();

        var membership = group.AddMember(userId, MemberType.User, Now).Value;

        Assert.Equal(group.Id, membership.GroupId);
        Assert.Equal(userId, membership.MemberId);
        Assert.Equal(OrganizationId, membership.OrganizationId);
        var added = Assert.IsType<GroupMemberAdded>(Assert.Single(group.DomainEvents));
        Assert.Equal(userId, added.MemberId);
    }

    [Fact]
    public void AddMember_WhenTheGroupAddsItself_ShouldFail()
    {
        var group = NewGroup();

        var result = group.AddMember(group.Id, MemberType.Group, Now);

        Assert.Equal(GroupErrors.GroupCannotContainItself, result.Error);
        Assert.Empty(group.DomainEvents);
    }

    [Fact]
    public void RemoveMember_ShouldRaiseMemberRemovedAndBumpTheVersion()
    {
        var group = NewGroup();
        var membership = group.AddMember(Guid.NewGuid(), MemberType.User, Now).Value;
        group.ClearDomainEvents();
        var version = group.Version;

        group.RemoveMember(membership, Now);

        Assert.IsType<GroupMemberRemoved>(Assert.Single(group.DomainEvents));
        Assert.Equal(version + 1, group.Version);
    }

    [Fact]
    public void Replace_WhenDisplayNameChanges_ShouldRaiseUpdatedWithThePreviousName()
    {
        var group = NewGroup();

        group.Replace(Attributes("Platform"), Now);

        var updated = Assert.IsType<GroupUpdated>(Assert.Single(group.DomainEvents));
        Assert.Equal("Engineering", updated.PreviousAttributes["displayName"]!.GetValue<string>());
        Assert.Equal("PLATFORM", group.NormalizedDisplayName);
    }

    [Fact]
    public void Replace_WhenNothingChanged_ShouldRaiseNothing()
    {
        var group = NewGroup();

        group.Replace(Attributes(), Now);

        Assert.Empty(group.DomainEvents);
    }
}
