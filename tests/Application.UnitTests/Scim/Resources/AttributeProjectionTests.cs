using System.Text.Json.Nodes;
using ScimClean.Application.Scim.Resources;
using ScimClean.Application.Scim.Schemas;

namespace ScimClean.Application.UnitTests.Scim.Resources;

public sealed class AttributeProjectionTests
{
    private const string Enterprise = ScimSchemaUrns.EnterpriseUser;
    private const string Custom = "urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User";

    private static JsonObject SampleUser() => JsonNode.Parse($$"""
        {
          "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "{{Enterprise}}", "{{Custom}}"],
          "id": "2819c223",
          "externalId": "ext-1",
          "userName": "ada@example.com",
          "name": { "givenName": "Ada", "familyName": "Lovelace" },
          "displayName": "Ada Lovelace",
          "active": true,
          "password": "hash-or-secret",
          "emails": [
            { "value": "ada@example.com", "type": "work", "primary": true },
            { "value": "ada@home.example", "type": "home" }
          ],
          "meta": { "resourceType": "User", "version": "W/\"1\"" },
          "{{Enterprise}}": { "employeeNumber": "7", "department": "R&D", "manager": { "value": "m-1", "displayName": "Boss" } },
          "{{Custom}}": { "costCode": "C-1", "badge": "B-2" }
        }
        """)!.AsObject();

    private static JsonObject Project(IReadOnlyCollection<string>? attributes, IReadOnlyCollection<string>? excluded = null) =>
        AttributeProjection.Apply(SampleUser(), ScimSchemas.UserResourceType, attributes, excluded);

    [Fact]
    public void NoParameters_ReturnsEverythingExceptPassword()
    {
        var result = Project(null);

        Assert.False(result.ContainsKey("password"));
        var expected = SampleUser();
        expected.Remove("password");
        Assert.True(JsonNode.DeepEquals(expected, result));
    }

    [Fact]
    public void Attributes_ReturnsOnlyThoseWithSchemasAndId()
    {
        var result = Project(["userName"]);

        Assert.Equal(["schemas", "id", "userName"], result.Select(p => p.Key));
    }

    [Fact]
    public void Attributes_AreCaseInsensitive()
    {
        var result = Project(["USERNAME", "Name.GivenName"]);

        Assert.Equal("ada@example.com", (string?)result["userName"]);
        Assert.Equal("Ada", (string?)result["name"]!["givenName"]);
    }

    [Fact]
    public void Attributes_SubAttributeOfComplex()
    {
        var result = Project(["name.givenName"]);

        var name = result["name"]!.AsObject();
        Assert.Equal("Ada", (string?)name["givenName"]);
        Assert.Single(name);
    }

    [Fact]
    public void Attributes_SubAttributeOfMultiValued_AppliesToEachValue()
    {
        var result = Project(["emails.value"]);

        var emails = result["emails"]!.AsArray();
        Assert.Equal(2, emails.Count);
        Assert.All(emails, e => Assert.Equal(["value"], e!.AsObject().Select(p => p.Key)));
    }

    [Fact]
    public void Attributes_UrnQualifiedExtensionAttribute()
    {
        var result = Project([$"{Enterprise}:department"]);

        var extension = result[Enterprise]!.AsObject();
        Assert.Equal("R&D", (string?)extension["department"]);
        Assert.Single(extension);
        Assert.False(result.ContainsKey("userName"));
    }

    [Fact]
    public void Attributes_UrnQualifiedExtensionSubAttribute()
    {
        var result = Project([$"{Enterprise.ToUpperInvariant()}:manager.value"]);

        Assert.Equal("m-1", (string?)result[Enterprise]!["manager"]!["value"]);
        Assert.Null(result[Enterprise]!["manager"]!["displayName"]);
    }

    [Fact]
    public void Attributes_WholeExtensionByUrn()
    {
        var result = Project([Enterprise]);

        Assert.True(JsonNode.DeepEquals(SampleUser()[Enterprise], result[Enterprise]));
        Assert.False(result.ContainsKey(Custom));
    }

    [Fact]
    public void Attributes_UnprefixedExtensionAttribute_ResolvesToExtension()
    {
        var result = Project(["employeeNumber"]);

        Assert.Equal("7", (string?)result[Enterprise]!["employeeNumber"]);
    }

    [Fact]
    public void Attributes_CustomExtension_WholeOrByAttribute()
    {
        Assert.True(JsonNode.DeepEquals(SampleUser()[Custom], Project([Custom])[Custom]));

        var partial = Project([$"{Custom}:costCode"])[Custom]!.AsObject();
        Assert.Equal(["costCode"], partial.Select(p => p.Key));
    }

    [Fact]
    public void Attributes_RequestingPassword_NeverReturnsIt()
    {
        Assert.False(Project(["password"]).ContainsKey("password"));
    }

    [Fact]
    public void Attributes_UnknownNames_AreIgnored()
    {
        Assert.Equal(["schemas", "id"], Project(["nope", "name.nope"]).Select(p => p.Key));
    }

    [Fact]
    public void Attributes_MetaSubAttribute()
    {
        var result = Project(["meta.version"]);

        Assert.Equal(["version"], result["meta"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Excluded_RemovesAttributes()
    {
        var result = Project(null, ["emails", "DISPLAYNAME"]);

        Assert.False(result.ContainsKey("emails"));
        Assert.False(result.ContainsKey("displayName"));
        Assert.True(result.ContainsKey("userName"));
    }

    [Fact]
    public void Excluded_NeverRemovesIdOrSchemas()
    {
        var result = Project(null, ["id", "schemas"]);

        Assert.Equal("2819c223", (string?)result["id"]);
        Assert.True(result.ContainsKey("schemas"));
    }

    [Fact]
    public void Excluded_SubAttributes()
    {
        var result = Project(null, ["name.familyName", "emails.type"]);

        Assert.Equal(["givenName"], result["name"]!.AsObject().Select(p => p.Key));
        Assert.All(result["emails"]!.AsArray(), e => Assert.False(e!.AsObject().ContainsKey("type")));
    }

    [Fact]
    public void Excluded_ExtensionAttributeAndWholeExtension()
    {
        var withoutDepartment = Project(null, [$"{Enterprise}:department"]);
        Assert.False(withoutDepartment[Enterprise]!.AsObject().ContainsKey("department"));
        Assert.True(withoutDepartment[Enterprise]!.AsObject().ContainsKey("employeeNumber"));

        Assert.False(Project(null, [Enterprise]).ContainsKey(Enterprise));
        Assert.False(Project(null, [Custom]).ContainsKey(Custom));
        Assert.Equal(["badge"], Project(null, [$"{Custom}:costCode"])[Custom]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Excluded_EverythingInExtension_DropsTheExtensionObject()
    {
        var result = Project(null, [$"{Enterprise}:employeeNumber", $"{Enterprise}:department", $"{Enterprise}:manager"]);

        Assert.False(result.ContainsKey(Enterprise));
    }

    [Fact]
    public void Apply_DoesNotModifyTheResource()
    {
        var resource = SampleUser();
        var projection = AttributeProjection.Create(ScimSchemas.UserResourceType, ["userName"], ["emails"]);

        _ = projection.Apply(resource);
        _ = projection.Apply(resource);

        Assert.True(JsonNode.DeepEquals(SampleUser(), resource));
    }

    [Fact]
    public void CompiledProjection_IsReusableAcrossResources()
    {
        var projection = AttributeProjection.Create(ScimSchemas.GroupResourceType, ["displayName"], null);
        var first = JsonNode.Parse("""{ "schemas": [], "id": "g1", "displayName": "A", "members": [ { "value": "u1" } ] }""")!.AsObject();
        var second = JsonNode.Parse("""{ "schemas": [], "id": "g2", "displayName": "B" }""")!.AsObject();

        Assert.Equal(["schemas", "id", "displayName"], projection.Apply(first).Select(p => p.Key));
        Assert.Equal("B", (string?)projection.Apply(second)["displayName"]);
    }

    [Fact]
    public void Group_ExcludedMembers()
    {
        var group = JsonNode.Parse("""{ "schemas": [], "id": "g1", "displayName": "A", "members": [ { "value": "u1" } ] }""")!.AsObject();

        var result = AttributeProjection.Apply(group, ScimSchemas.GroupResourceType, null, ["members"]);

        Assert.Equal(["schemas", "id", "displayName"], result.Select(p => p.Key));
    }

    public static TheoryData<string> ResourcesWithoutLists() =>
    [
        // Nothing to withhold or drop: the fast path.
        """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"1","userName":"ada","active":true,"emails":[{"value":"a@x","type":"work","primary":true}],"meta":{"resourceType":"User"}}""",
        $$$"""{"userName":"ada","name":{"givenName":"Ada"},"{{{Enterprise}}}":{"department":"R&D","manager":{"value":"m-1"}},"{{{Custom}}}":{"costCode":null}}""",
        """{"userName":"ada","unknownAttribute":{"nested":null,"empty":[]}}""",
        // Each needs the copy: something is withheld, null or empty.
        """{"userName":"ada","password":"secret"}""",
        """{"userName":"ada","displayName":null}""",
        """{"userName":"ada","emails":[]}""",
        """{"userName":"ada","emails":[null,{"value":"a@x"}]}""",
        """{"userName":"ada","emails":[{}]}""",
        """{"userName":"ada","emails":[{"value":null,"type":"work"}]}""",
        """{"userName":"ada","name":{}}""",
        """{"userName":"ada","name":{"givenName":null}}""",
        $$$"""{"userName":"ada","{{{Enterprise}}}":{}}""",
        $$$"""{"userName":"ada","{{{Enterprise}}}":"not an object"}""",
        $$$"""{"userName":"ada","{{{Enterprise}}}":{"department":null}}""",
        $$$"""{"userName":"ada","{{{Enterprise}}}":{"manager":{} } }""",
    ];

    [Theory]
    [MemberData(nameof(ResourcesWithoutLists))]
    public void NoParameters_ShouldGiveWhatTheCopyingProjectionGives(string json)
    {
        var projection = AttributeProjection.Create(ScimSchemas.UserResourceType, null, null);
        var resource = JsonNode.Parse(json)!.AsObject();
        var copied = projection.ApplyByCopy(JsonNode.Parse(json)!.AsObject());

        var result = projection.Apply(resource);

        Assert.True(JsonNode.DeepEquals(copied, result), $"expected {copied.ToJsonString()}, got {result.ToJsonString()}");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), resource), "the input must not change");
    }

    [Fact]
    public void NoParameters_OnAResourceWithNothingToWithhold_ShouldReturnItWithoutACopy()
    {
        var resource = SampleUser();
        resource.Remove("password");

        Assert.Same(resource, AttributeProjection.Apply(resource, ScimSchemas.UserResourceType, null, null));
    }

    [Fact]
    public void NoParameters_OnAGroupWithMembers_ShouldReturnItWithoutACopy()
    {
        var group = JsonNode.Parse("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"g","displayName":"Readers",
             "members":[{"value":"u1","display":"Ada","type":"User"},{"value":"u2","type":"User"}]}
            """)!.AsObject();

        Assert.Same(group, AttributeProjection.Apply(group, ScimSchemas.GroupResourceType, null, null));
    }
}
