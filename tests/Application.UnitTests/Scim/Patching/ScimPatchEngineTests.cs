using System.Text.Json.Nodes;
using ScimClean.Application.Scim.Patching;
using ScimClean.Application.Scim.Resources;
using ScimClean.Application.Scim.Schemas;

namespace ScimClean.Application.UnitTests.Scim.Patching;

public sealed class ScimPatchEngineTests
{
    private const string Enterprise = ScimSchemaUrns.EnterpriseUser;
    private const string Custom = "urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User";

    private const string BaseUser = """
        {
          "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
          "id": "u-1",
          "userName": "ada@contoso.com",
          "active": true,
          "displayName": "Ada",
          "emails": [ { "value": "ada@contoso.com", "type": "work", "primary": true } ],
          "meta": { "resourceType": "User", "created": "2024-01-01T00:00:00Z" }
        }
        """;

    // ---- single-valued attributes, both dialects ----

    [Fact]
    public void Apply_WhenDefaultDialectReplaceActiveWithStringFalse_ShouldStoreBooleanFalse()
    {
        var user = Success(BaseUser, """[{"op":"Replace","path":"active","value":"False"}]""");

        Assert.False((bool)user["active"]!);
    }

    [Fact]
    public void Apply_WhenFlagDialectPathlessReplaceWithBoolean_ShouldStoreBooleanFalse()
    {
        var user = Success(BaseUser, """[{"op":"replace","value":{"active":false}}]""");

        Assert.False((bool)user["active"]!);
    }

    [Fact]
    public void Apply_WhenPathUsesOtherCasing_ShouldWriteCanonicalName()
    {
        var user = Success(BaseUser, """[{"op":"Replace","path":"UserName","value":"ADA@contoso.com"},{"op":"Add","path":"name.GivenName","value":"Ada"}]""");

        Assert.Equal("ADA@contoso.com", (string?)user["userName"]);
        Assert.Null(user["UserName"]);
        Assert.Equal("Ada", (string?)user["name"]!["givenName"]);
    }

    [Fact]
    public void Apply_WhenPathlessAddWithDottedAndUrnKeys_ShouldApplyEachKeyAsPath()
    {
        var user = Success(BaseUser, $$$"""
            [{"op":"Add","value":{"displayName":"Ada L","name.givenName":"A","name.familyName":"L","{{{Enterprise}}}:employeeNumber":"7","{{{Enterprise}}}:department":"R&D"}}]
            """);

        Assert.Equal("Ada L", (string?)user["displayName"]);
        Assert.Equal("A", (string?)user["name"]!["givenName"]);
        Assert.Equal("L", (string?)user["name"]!["familyName"]);
        Assert.Equal("7", (string?)user[Enterprise]!["employeeNumber"]);
        Assert.Equal("R&D", (string?)user[Enterprise]!["department"]);
        Assert.Contains(Enterprise, user["schemas"]!.AsArray().Select(s => (string?)s));
    }

    [Fact]
    public void Apply_WhenPathlessAddWithFilteredKey_ShouldApplyTheFilteredPath()
    {
        var user = Success(BaseUser, """[{"op":"add","value":{"phoneNumbers[type eq \"mobile\"].value":"+1 555"}}]""");

        var phone = Assert.Single(user["phoneNumbers"]!.AsArray())!;
        Assert.Equal("mobile", (string?)phone["type"]);
        Assert.Equal("+1 555", (string?)phone["value"]);
    }

    [Fact]
    public void Apply_WhenComplexReplaceGivesSomeSubAttributes_ShouldMergeWithExisting()
    {
        var user = Success(
            """{"userName":"a","name":{"givenName":"A","familyName":"L"}}""",
            """[{"op":"replace","path":"name","value":{"givenName":"B"}}]""");

        Assert.Equal("B", (string?)user["name"]!["givenName"]);
        Assert.Equal("L", (string?)user["name"]!["familyName"]);
    }

    [Theory]
    [InlineData("""[{"op":"Replace","path":"displayName","value":""}]""")]
    [InlineData("""[{"op":"Replace","path":"displayName","value":null}]""")]
    [InlineData("""[{"op":"Add","path":"displayName","value":""}]""")]
    [InlineData("""[{"op":"Remove","path":"displayName"}]""")]
    [InlineData("""[{"op":"replace","value":{"displayName":null}}]""")]
    public void Apply_WhenNullOrEmptyValueOrRemove_ShouldClearAttribute(string operations)
    {
        var user = Success(BaseUser, operations);

        Assert.Null(user["displayName"]);
        Assert.Equal("ada@contoso.com", (string?)user["userName"]);
    }

    [Fact]
    public void Apply_WhenRemovingAbsentAttribute_ShouldBeNoOp()
    {
        var result = Patch(BaseUser, """[{"op":"Remove","path":"title"},{"op":"Remove","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department"}]""");

        Assert.True(result.IsSuccess);
        Assert.False(result.Modified);
    }

    [Fact]
    public void Apply_WhenSucceeded_ShouldKeepReadOnlyAttributes()
    {
        var user = Success(BaseUser, """[{"op":"Replace","path":"title","value":"CTO"}]""");

        Assert.Equal("u-1", (string?)user["id"]);
        Assert.Equal("User", (string?)user["meta"]!["resourceType"]);
    }

    // ---- multi-valued attributes and filters ----

    [Fact]
    public void Apply_WhenReplaceFilteredEmailValue_ShouldUpdateOnlyMatchingElement()
    {
        var user = Success(
            """{"userName":"a","emails":[{"value":"a@w","type":"work","primary":true},{"value":"a@h","type":"home"}]}""",
            """[{"op":"Replace","path":"emails[type eq \"Work\"].Value","value":"new@w"}]""");

        var emails = user["emails"]!.AsArray();
        Assert.Equal("new@w", (string?)emails[0]!["value"]);
        Assert.Equal("a@h", (string?)emails[1]!["value"]);
    }

    [Fact]
    public void Apply_WhenSeveralAddsToFilteredAddressWithNoMatch_ShouldBuildOneAddress()
    {
        var user = Success(BaseUser, """
            [{"op":"Add","path":"addresses[type eq \"work\"].streetAddress","value":"1 Main St"},
             {"op":"Add","path":"addresses[type eq \"work\"].locality","value":"Springfield"},
             {"op":"Add","path":"addresses[type eq \"work\"].region","value":"IL"},
             {"op":"Add","path":"addresses[type eq \"work\"].postalCode","value":"62701"},
             {"op":"Add","path":"addresses[type eq \"work\"].country","value":"US"},
             {"op":"Add","path":"addresses[type eq \"work\"].formatted","value":"1 Main St, Springfield"}]
            """);

        var address = Assert.Single(user["addresses"]!.AsArray())!;
        Assert.Equal("work", (string?)address["type"]);
        Assert.Equal("1 Main St", (string?)address["streetAddress"]);
        Assert.Equal("Springfield", (string?)address["locality"]);
        Assert.Equal("IL", (string?)address["region"]);
        Assert.Equal("62701", (string?)address["postalCode"]);
        Assert.Equal("US", (string?)address["country"]);
        Assert.Equal("1 Main St, Springfield", (string?)address["formatted"]);
    }

    [Fact]
    public void Apply_WhenReplaceFilteredPathMatchesNothing_ShouldCreateElement()
    {
        var user = Success(BaseUser, """[{"op":"Replace","path":"phoneNumbers[type eq \"mobile\"].value","value":"+1"}]""");

        var phone = Assert.Single(user["phoneNumbers"]!.AsArray())!;
        Assert.Equal("mobile", (string?)phone["type"]);
        Assert.Equal("+1", (string?)phone["value"]);
    }

    [Fact]
    public void Apply_WhenRolesFilterComparesPrimaryAsString_ShouldUseBooleanSemantics()
    {
        var user = Success(
            """{"userName":"a","roles":[{"value":"reader","primary":true},{"value":"other"}]}""",
            """[{"op":"replace","path":"roles[primary eq \"True\"].value","value":"admin"}]""");

        var roles = user["roles"]!.AsArray();
        Assert.Equal("admin", (string?)roles[0]!["value"]);
        Assert.Equal("other", (string?)roles[1]!["value"]);
    }

    [Fact]
    public void Apply_WhenAddRolesWithPrimaryFilterAndNoMatch_ShouldSeedBooleanPrimary()
    {
        var user = Success(BaseUser, """[{"op":"Add","path":"roles[primary eq \"True\"].value","value":"admin"}]""");

        var role = Assert.Single(user["roles"]!.AsArray())!;
        Assert.True((bool)role["primary"]!);
        Assert.Equal("admin", (string?)role["value"]);
    }

    [Fact]
    public void Apply_WhenAddToMultiValuedWithoutFilter_ShouldAppendWithoutExactDuplicates()
    {
        var user = Success(BaseUser, """
            [{"op":"add","path":"emails","value":[{"value":"ada@contoso.com","type":"work","primary":"True"},{"value":"ada@home","type":"home"}]}]
            """);

        var emails = user["emails"]!.AsArray();
        Assert.Equal(2, emails.Count);
        Assert.Equal("ada@home", (string?)emails[1]!["value"]);
    }

    [Fact]
    public void Apply_WhenReplaceMultiValuedWithoutFilter_ShouldReplaceWholeArray()
    {
        var user = Success(BaseUser, """[{"op":"Replace","path":"emails","value":[{"value":"x@y","type":"home"}]}]""");

        var email = Assert.Single(user["emails"]!.AsArray())!;
        Assert.Equal("x@y", (string?)email["value"]);
    }

    [Fact]
    public void Apply_WhenRemoveFilteredElement_ShouldRemoveOnlyThatElement()
    {
        var user = Success(
            """{"userName":"a","emails":[{"value":"a@w","type":"work"},{"value":"a@h","type":"home"}]}""",
            """[{"op":"remove","path":"emails[type eq \"work\"]"}]""");

        var email = Assert.Single(user["emails"]!.AsArray())!;
        Assert.Equal("home", (string?)email["type"]);
    }

    [Fact]
    public void Apply_WhenRemoveSubAttributeOfFilteredElement_ShouldRemoveThatSubAttribute()
    {
        var user = Success(
            """{"userName":"a","addresses":[{"type":"work","locality":"X","region":"Y"}]}""",
            """[{"op":"Remove","path":"addresses[type eq \"work\"].locality"}]""");

        var address = Assert.Single(user["addresses"]!.AsArray())!;
        Assert.Null(address["locality"]);
        Assert.Equal("Y", (string?)address["region"]);
    }

    [Fact]
    public void Apply_WhenRemoveFilteredValueLeavesNothingButType_ShouldDropElement()
    {
        var user = Success(BaseUser, """[{"op":"Remove","path":"emails[type eq \"work\"].value"}]""");

        Assert.Null(user["emails"]);
    }

    [Fact]
    public void Apply_WhenRemoveFilterMatchesNothing_ShouldBeNoOp()
    {
        var result = Patch(BaseUser, """[{"op":"Remove","path":"emails[type eq \"home\"]"}]""");

        Assert.True(result.IsSuccess);
        Assert.False(result.Modified);
    }

    [Fact]
    public void Apply_WhenRemoveWithValueListOnMultiValued_ShouldRemoveOnlyListedElements()
    {
        var user = Success(
            """{"userName":"a","emails":[{"value":"a@w","type":"work"},{"value":"a@h","type":"home"}]}""",
            """[{"op":"Remove","path":"emails","value":[{"value":"A@W"}]}]""");

        var email = Assert.Single(user["emails"]!.AsArray())!;
        Assert.Equal("a@h", (string?)email["value"]);
    }

    [Fact]
    public void Apply_WhenGroupDefaultDialectRemoveMembersWithValue_ShouldRemoveOnlyListedMembers()
    {
        var group = Success(
            """{"displayName":"G","members":[{"value":"1"},{"value":"2"},{"value":"3"}]}""",
            """[{"op":"Remove","path":"members","value":[{"value":"2"}]}]""",
            ScimSchemas.GroupResourceType);

        Assert.Equal(["1", "3"], group["members"]!.AsArray().Select(m => (string?)m!["value"]));
    }

    [Fact]
    public void Apply_WhenASecondPrimaryIsAdded_ShouldDemoteTheFormerPrimary()
    {
        // RFC 7644 §3.5.2: setting a value's primary to true SHALL set primary to false on every other value.
        var user = Success(BaseUser, """[{"op":"add","path":"emails","value":[{"value":"b@x","type":"home","primary":true}]}]""");

        var emails = user["emails"]!.AsArray();
        Assert.Equal(2, emails.Count);
        Assert.Equal("b@x", (string?)Assert.Single(emails, email => (bool?)email!["primary"] == true)!["value"]);
    }

    [Fact]
    public void Apply_WhenOneOperationAddsTwoPrimaries_ShouldBeInvalidValue()
    {
        var error = Failure(
            BaseUser,
            """[{"op":"add","path":"emails","value":[{"value":"b@x","type":"home","primary":true},{"value":"c@x","type":"other","primary":true}]}]""");

        Assert.Equal(ScimErrorTypes.InvalidValue, error.ScimType);
    }

    // ---- enterprise manager ----

    [Theory]
    [InlineData("\"m-1\"")]
    [InlineData("{\"value\":\"m-1\"}")]
    public void Apply_WhenReplaceManagerWithStringOrObject_ShouldStoreValueObject(string value)
    {
        var user = Success(BaseUser, $$"""[{"op":"Replace","path":"{{Enterprise}}:manager","value":{{value}}}]""");

        Assert.Equal("m-1", (string?)user[Enterprise]!["manager"]!["value"]);
        Assert.Contains(Enterprise, user["schemas"]!.AsArray().Select(s => (string?)s));
    }

    [Theory]
    [InlineData("""[{"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":""}]""")]
    [InlineData("""[{"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":null}]""")]
    [InlineData("""[{"op":"Remove","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"}]""")]
    [InlineData("""[{"op":"Remove","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value"}]""")]
    public void Apply_WhenManagerClearedOrRemoved_ShouldDropManagerAndEmptyExtension(string operations)
    {
        var user = Success(
            $$$$"""{"userName":"a","schemas":["urn:ietf:params:scim:schemas:core:2.0:User","{{{{Enterprise}}}}"],"{{{{Enterprise}}}}":{"manager":{"value":"m-1"}}}""",
            operations);

        Assert.Null(user[Enterprise]);
        Assert.DoesNotContain(Enterprise, user["schemas"]!.AsArray().Select(s => (string?)s));
    }

    [Fact]
    public void Apply_WhenManagerValuePath_ShouldSetValue()
    {
        var user = Success(BaseUser, $$"""[{"op":"add","path":"{{Enterprise}}:manager.value","value":"m-2"}]""");

        Assert.Equal("m-2", (string?)user[Enterprise]!["manager"]!["value"]);
    }

    [Fact]
    public void Apply_WhenCustomExtensionAttribute_ShouldStoreAsSentAndListSchema()
    {
        var user = Success(BaseUser, $$$"""[{"op":"add","path":"{{{Custom}}}:costCode","value":{"code":"X1"}}]""");

        Assert.Equal("X1", (string?)user[Custom]!["costCode"]!["code"]);
        Assert.Contains(Custom, user["schemas"]!.AsArray().Select(s => (string?)s));
    }

    [Fact]
    public void Apply_WhenPathIsWholeExtensionUrn_ShouldApplyEachMember()
    {
        var user = Success(BaseUser, $$$"""[{"op":"add","path":"{{{Enterprise}}}","value":{"Department":"Ops","manager":"m-3"}}]""");

        Assert.Equal("Ops", (string?)user[Enterprise]!["department"]);
        Assert.Equal("m-3", (string?)user[Enterprise]!["manager"]!["value"]);
    }

    [Fact]
    public void Apply_WhenImmutableSubAttributeAddedToNewElement_ShouldSucceed()
    {
        var group = Success(
            """{"displayName":"G","members":[{"value":"1"}]}""",
            """[{"op":"add","path":"members[value eq \"2\"].display","value":"two"}]""",
            ScimSchemas.GroupResourceType);

        Assert.Equal("two", (string?)group["members"]![1]!["display"]);
    }

    // ---- errors ----

    [Fact]
    public void Apply_WhenUnknownCoreAttribute_ShouldBeInvalidPath()
    {
        Assert.Equal(ScimErrorTypes.InvalidPath, Failure(BaseUser, """[{"op":"add","path":"shoeSize","value":"42"}]""").ScimType);
    }

    [Fact]
    public void Apply_WhenMalformedPath_ShouldBeInvalidPath()
    {
        Assert.Equal(ScimErrorTypes.InvalidPath, Failure(BaseUser, """[{"op":"add","path":"emails[type eq","value":"x"}]""").ScimType);
    }

    [Fact]
    public void Apply_WhenRemoveWithoutPath_ShouldBeNoTarget()
    {
        Assert.Equal(ScimErrorTypes.NoTarget, Failure(BaseUser, """[{"op":"remove"}]""").ScimType);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("meta.lastModified")]
    [InlineData("groups")]
    public void Apply_WhenTargetIsReadOnly_ShouldBeMutability(string path)
    {
        var error = Failure(BaseUser, $$"""[{"op":"replace","path":"{{path}}","value":"x"}]""");

        Assert.Equal(ScimErrorTypes.Mutability, error.ScimType);
    }

    [Fact]
    public void Apply_WhenImmutableSubAttributeChanged_ShouldBeMutability()
    {
        var error = Failure(
            """{"displayName":"G","members":[{"value":"1","display":"one"}]}""",
            """[{"op":"replace","path":"members[value eq \"1\"].display","value":"uno"}]""",
            ScimSchemas.GroupResourceType);

        Assert.Equal(ScimErrorTypes.Mutability, error.ScimType);
    }

    [Fact]
    public void Apply_WhenFilterNamesUnknownSubAttribute_ShouldBeInvalidFilter()
    {
        Assert.Equal(ScimErrorTypes.InvalidFilter, Failure(BaseUser, """[{"op":"replace","path":"emails[kind eq \"work\"].value","value":"x"}]""").ScimType);
    }

    [Fact]
    public void Apply_WhenValueHasWrongType_ShouldBeInvalidValue()
    {
        Assert.Equal(ScimErrorTypes.InvalidValue, Failure(BaseUser, """[{"op":"replace","path":"active","value":"maybe"}]""").ScimType);
    }

    [Fact]
    public void Apply_WhenPathlessValueIsNotAnObject_ShouldBeInvalidValue()
    {
        Assert.Equal(ScimErrorTypes.InvalidValue, Failure(BaseUser, """[{"op":"add","value":"x"}]""").ScimType);
    }

    // ---- atomicity and purity ----

    [Fact]
    public void Apply_WhenSecondOperationFails_ShouldApplyNothing()
    {
        // Arrange
        var resource = JsonNode.Parse(BaseUser)!.AsObject();
        var before = resource.ToJsonString();

        // Act
        var result = ScimPatchEngine.Apply(resource, Operations("""[{"op":"replace","path":"displayName","value":"New"},{"op":"add","path":"shoeSize","value":"42"}]"""), ScimSchemas.UserResourceType);

        // Assert
        Assert.False(result.IsSuccess);
        Assert.Null(result.Resource);
        Assert.Equal(before, resource.ToJsonString());
    }

    [Fact]
    public void Apply_WhenSucceeded_ShouldNotMutateInput()
    {
        // Arrange
        var resource = JsonNode.Parse(BaseUser)!.AsObject();
        var before = resource.ToJsonString();

        // Act
        var result = ScimPatchEngine.Apply(resource, Operations("""[{"op":"replace","path":"emails[type eq \"work\"].value","value":"x@y"},{"op":"remove","path":"displayName"}]"""), ScimSchemas.UserResourceType);

        // Assert
        Assert.True(result.IsSuccess);
        Assert.True(result.Modified);
        Assert.Equal(before, resource.ToJsonString());
    }

    private static JsonObject Success(string resource, string operations, ResourceTypeDefinition? type = null)
    {
        var result = Patch(resource, operations, type);
        Assert.True(result.IsSuccess, result.Error?.Detail);
        return result.Resource!;
    }

    private static PatchError Failure(string resource, string operations, ResourceTypeDefinition? type = null)
    {
        var result = Patch(resource, operations, type);
        Assert.False(result.IsSuccess);
        return result.Error!;
    }

    private static PatchResult Patch(string resource, string operations, ResourceTypeDefinition? type = null) =>
        ScimPatchEngine.Apply(JsonNode.Parse(resource)!.AsObject(), Operations(operations), type ?? ScimSchemas.UserResourceType);

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
