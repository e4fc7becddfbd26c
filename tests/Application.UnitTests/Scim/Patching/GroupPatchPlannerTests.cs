using System.Text.Json.Nodes;
using ScimClean.Application.Scim.Patching;
using ScimClean.Application.Scim.Resources;
using ScimClean.Application.Scim.Schemas;

namespace ScimClean.Application.UnitTests.Scim.Patching;

public sealed class GroupPatchPlannerTests
{
    [Fact]
    public void TryPlan_WhenDefaultDialectAddsSeveralMembers_ShouldPlanOneAdd()
    {
        var plan = Plan("""[{"op":"Add","path":"members","value":[{"$ref":null,"value":"u1"},{"$ref":null,"value":"u2"},{"value":"u1"}]}]""");

        var change = Assert.Single(plan.MembershipChanges);
        Assert.Equal(MembershipChangeKind.Add, change.Kind);
        Assert.Equal(["u1", "u2"], change.MemberIds);
        Assert.Empty(plan.OtherOperations);
    }

    [Fact]
    public void TryPlan_WhenDefaultDialectRemovesWithValue_ShouldRemoveOnlyListedMembers()
    {
        var plan = Plan("""[{"op":"Remove","path":"members","value":[{"value":"u2"}]}]""");

        var change = Assert.Single(plan.MembershipChanges);
        Assert.Equal(MembershipChangeKind.Remove, change.Kind);
        Assert.Equal(["u2"], change.MemberIds);
    }

    [Fact]
    public void TryPlan_WhenFlagDialectRemovesByFilter_ShouldRemoveFilteredMember()
    {
        var plan = Plan("""[{"op":"remove","path":"members[value eq \"u3\"]"}]""");

        var change = Assert.Single(plan.MembershipChanges);
        Assert.Equal(MembershipChangeKind.Remove, change.Kind);
        Assert.Equal(["u3"], change.MemberIds);
    }

    [Fact]
    public void TryPlan_WhenRemoveMembersWithoutValueOrFilter_ShouldRemoveAll()
    {
        var plan = Plan("""[{"op":"remove","path":"Members"}]""");

        Assert.Equal(MembershipChangeKind.RemoveAll, Assert.Single(plan.MembershipChanges).Kind);
    }

    [Fact]
    public void TryPlan_WhenReplaceMembers_ShouldReplaceAll()
    {
        var plan = Plan("""[{"op":"Replace","path":"members","value":[{"value":"u1"},{"value":"u9"}]}]""");

        var change = Assert.Single(plan.MembershipChanges);
        Assert.Equal(MembershipChangeKind.ReplaceAll, change.Kind);
        Assert.Equal(["u1", "u9"], change.MemberIds);
    }

    [Fact]
    public void TryPlan_WhenPathlessReplaceHasMembersAndDisplayName_ShouldSplit()
    {
        // Act
        var plan = Plan("""[{"op":"replace","value":{"displayName":"Renamed","Members":[{"value":"u1"}]}}]""");

        // Assert
        var change = Assert.Single(plan.MembershipChanges);
        Assert.Equal(MembershipChangeKind.ReplaceAll, change.Kind);
        Assert.Equal(["u1"], change.MemberIds);
        var other = Assert.Single(plan.OtherOperations);
        Assert.Null(other.Value!["Members"]);
        Assert.Equal("Renamed", (string?)other.Value["displayName"]);
    }

    [Fact]
    public void TryPlan_WhenPathlessAddMembers_ShouldPlanAdd()
    {
        var plan = Plan("""[{"op":"add","value":{"members":[{"value":"u5"}]}}]""");

        Assert.Equal(MembershipChangeKind.Add, Assert.Single(plan.MembershipChanges).Kind);
        Assert.Empty(plan.OtherOperations);
    }

    [Fact]
    public void TryPlan_WhenMixedOperations_ShouldKeepOrderAndApplyOthersWithEngine()
    {
        // Arrange
        var plan = Plan("""
            [{"op":"Replace","path":"displayName","value":"New name"},
             {"op":"Add","path":"members","value":[{"value":"u1"}]},
             {"op":"Remove","path":"members","value":[{"value":"u2"}]}]
            """);
        var group = JsonNode.Parse("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"g1","displayName":"Old"}""")!.AsObject();

        // Act
        var result = ScimPatchEngine.Apply(group, plan.OtherOperations, ScimSchemas.GroupResourceType);

        // Assert
        Assert.Equal([MembershipChangeKind.Add, MembershipChangeKind.Remove], plan.MembershipChanges.Select(c => c.Kind));
        Assert.True(result.IsSuccess);
        Assert.Equal("New name", (string?)result.Resource["displayName"]);
        Assert.Null(result.Resource["members"]);
    }

    [Theory]
    [InlineData("""[{"op":"Add","path":"members","value":[{"display":"no id"}]}]""")]
    [InlineData("""[{"op":"Add","path":"members","value":[{"value":42}]}]""")]
    [InlineData("""[{"op":"Add","path":"members","value":["u1"]}]""")]
    [InlineData("""[{"op":"Add","path":"members","value":null}]""")]
    public void TryPlan_WhenMemberHasNoStringValue_ShouldBeInvalidValue(string operations)
    {
        Assert.Equal(ScimErrorTypes.InvalidValue, Fail(operations).ScimType);
    }

    [Fact]
    public void TryPlan_WhenMemberFilterIsNotValueEq_ShouldBeInvalidFilter()
    {
        Assert.Equal(ScimErrorTypes.InvalidFilter, Fail("""[{"op":"remove","path":"members[display co \"x\"]"}]""").ScimType);
    }

    [Fact]
    public void TryPlan_WhenMemberSubAttributeTargeted_ShouldBeMutability()
    {
        Assert.Equal(ScimErrorTypes.Mutability, Fail("""[{"op":"replace","path":"members[value eq \"u1\"].display","value":"x"}]""").ScimType);
    }

    private static GroupPatchPlan Plan(string operations)
    {
        Assert.True(GroupPatchPlanner.TryPlan(Operations(operations), out var plan, out var error), error?.Detail);
        return plan;
    }

    private static PatchError Fail(string operations)
    {
        Assert.False(GroupPatchPlanner.TryPlan(Operations(operations), out _, out var error));
        return error;
    }

    private static IReadOnlyList<PatchOperation> Operations(string operations)
    {
        var body = new JsonObject
        {
            ["schemas"] = new JsonArray(PatchRequest.PatchOpSchema),
            ["Operations"] = JsonNode.Parse(operations),
        };
        Assert.True(PatchRequest.TryParse(body, out var request, out var error), error?.Detail);
        return request.Operations;
    }
}
