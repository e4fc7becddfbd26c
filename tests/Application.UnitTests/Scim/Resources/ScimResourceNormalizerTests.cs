using System.Text.Json.Nodes;
using ScimClean.Application.Scim.Resources;
using ScimClean.Application.Scim.Schemas;

namespace ScimClean.Application.UnitTests.Scim.Resources;

public sealed class ScimResourceNormalizerTests
{
    private const string Enterprise = ScimSchemaUrns.EnterpriseUser;
    private const string Custom = "urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User";

    [Fact]
    public void Normalize_CanonicalisesAttributeNameCase_IncludingSubAttributes()
    {
        var result = NormalizeUser("""
            {
              "UserName": "ada@example.com",
              "NAME": { "GivenName": "Ada", "familyname": "Lovelace" },
              "Emails": [ { "Value": "ada@example.com", "TYPE": "work", "Primary": true } ]
            }
            """);

        var user = AssertValid(result);
        Assert.Equal("ada@example.com", (string?)user["userName"]);
        Assert.Equal("Ada", (string?)user["name"]!["givenName"]);
        Assert.Equal("Lovelace", (string?)user["name"]!["familyName"]);
        var email = user["emails"]![0]!;
        Assert.Equal("ada@example.com", (string?)email["value"]);
        Assert.Equal("work", (string?)email["type"]);
        Assert.True((bool)email["primary"]!);
        Assert.Null(user["UserName"]);
    }

    [Fact]
    public void Normalize_CanonicalisesNamesInsideEnterpriseExtension()
    {
        var result = NormalizeUser($$"""
            {
              "userName": "a",
              "{{Enterprise.ToUpperInvariant()}}": { "EmployeeNumber": "42", "Manager": { "VALUE": "m-1" } }
            }
            """);

        var user = AssertValid(result);
        var extension = user[Enterprise]!;
        Assert.Equal("42", (string?)extension["employeeNumber"]);
        Assert.Equal("m-1", (string?)extension["manager"]!["value"]);
        Assert.Null(user[Enterprise.ToUpperInvariant()]);
    }

    [Fact]
    public void Normalize_MovesUrnQualifiedTopLevelKeysIntoExtensionObject()
    {
        var result = NormalizeUser($$"""
            {
              "userName": "a",
              "{{Enterprise}}:employeeNumber": "7",
              "{{Enterprise}}:department": "R&D",
              "{{Enterprise}}": { "costCenter": "CC1" }
            }
            """);

        var extension = AssertValid(result)[Enterprise]!.AsObject();
        Assert.Equal("7", (string?)extension["employeeNumber"]);
        Assert.Equal("R&D", (string?)extension["department"]);
        Assert.Equal("CC1", (string?)extension["costCenter"]);
        Assert.Equal(3, extension.Count);
    }

    [Fact]
    public void Normalize_UrnQualifiedSubAttribute_MergesIntoComplex()
    {
        var result = NormalizeUser($$"""
            { "userName": "a", "{{Enterprise}}:manager.value": "m-9" }
            """);

        Assert.Equal("m-9", (string?)AssertValid(result)[Enterprise]!["manager"]!["value"]);
    }

    [Fact]
    public void Normalize_UnprefixedEnterpriseAttribute_MovesIntoExtension()
    {
        var result = NormalizeUser("""{ "userName": "a", "employeeNumber": "7" }""");

        var user = AssertValid(result);
        Assert.Equal("7", (string?)user[Enterprise]!["employeeNumber"]);
        Assert.Null(user["employeeNumber"]);
    }

    [Fact]
    public void Normalize_CoreUrnQualifiedKey_IsCoreAttribute()
    {
        var result = NormalizeUser("""{ "urn:ietf:params:scim:schemas:core:2.0:User:displayName": "Ada", "userName": "a" }""");

        Assert.Equal("Ada", (string?)AssertValid(result)["displayName"]);
    }

    [Theory]
    [InlineData("\"False\"", false)]
    [InlineData("\"false\"", false)]
    [InlineData("\"TRUE\"", true)]
    [InlineData("\"True\"", true)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void Normalize_CoercesActiveToBoolean(string json, bool expected)
    {
        var user = AssertValid(NormalizeUser($$"""{ "userName": "a", "active": {{json}} }"""));

        Assert.Equal(expected, user["active"]!.GetValue<bool>());
    }

    [Fact]
    public void Normalize_CoercesPrimaryStringsToBoolean()
    {
        var user = AssertValid(NormalizeUser("""
            {
              "userName": "a",
              "emails": [ { "value": "a@x", "primary": "true" }, { "value": "b@x", "primary": "False" } ],
              "addresses": [ { "locality": "Paris", "primary": "True" } ]
            }
            """));

        Assert.True(user["emails"]![0]!["primary"]!.GetValue<bool>());
        Assert.False(user["emails"]![1]!["primary"]!.GetValue<bool>());
        Assert.True(user["addresses"]![0]!["primary"]!.GetValue<bool>());
    }

    [Fact]
    public void Normalize_ManagerAsPlainString_BecomesValueObject()
    {
        var user = AssertValid(NormalizeUser($$"""
            { "userName": "a", "{{Enterprise}}": { "manager": "m-1" } }
            """));

        var manager = user[Enterprise]!["manager"]!.AsObject();
        Assert.Equal("m-1", (string?)manager["value"]);
        Assert.Single(manager);
    }

    [Fact]
    public void Normalize_TopLevelManagerPlainString_BecomesValueObject()
    {
        var user = AssertValid(NormalizeUser($$"""
            { "userName": "a", "{{Enterprise}}:manager": "m-2" }
            """));

        Assert.Equal("m-2", (string?)user[Enterprise]!["manager"]!["value"]);
    }

    [Fact]
    public void Normalize_ManagerReadOnlyDisplayName_IsDropped()
    {
        var user = AssertValid(NormalizeUser($$"""
            { "userName": "a", "{{Enterprise}}": { "manager": { "value": "m", "displayName": "Boss" } } }
            """));

        Assert.Null(user[Enterprise]!["manager"]!["displayName"]);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"\"")]
    public void Normalize_NullOrEmptyString_ClearsAttribute(string json)
    {
        var user = AssertValid(NormalizeUser($$"""
            { "userName": "a", "displayName": {{json}}, "name": { "givenName": {{json}}, "familyName": "L" } }
            """));

        Assert.False(user.ContainsKey("displayName"));
        Assert.False(user["name"]!.AsObject().ContainsKey("givenName"));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("\"\"")]
    public void Normalize_EmptyMultiValued_ClearsAttribute(string json)
    {
        var user = AssertValid(NormalizeUser($$"""{ "userName": "a", "emails": {{json}} }"""));

        Assert.False(user.ContainsKey("emails"));
    }

    [Fact]
    public void Normalize_ComplexWithOnlyEmptyValues_IsRemoved()
    {
        var user = AssertValid(NormalizeUser($$"""
            { "userName": "a", "name": { "givenName": null }, "{{Enterprise}}": { "department": "" } }
            """));

        Assert.False(user.ContainsKey("name"));
        Assert.False(user.ContainsKey(Enterprise));
        Assert.Equal([ScimSchemaUrns.User], user["schemas"]!.AsArray().Select(s => (string?)s));
    }

    [Fact]
    public void Normalize_DropsReadOnlyAttributes_KeepsPassword()
    {
        var user = AssertValid(NormalizeUser("""
            {
              "id": "client-chosen",
              "meta": { "resourceType": "User" },
              "groups": [ { "value": "g1" } ],
              "userName": "a",
              "password": "Secret!1"
            }
            """));

        Assert.False(user.ContainsKey("id"));
        Assert.False(user.ContainsKey("meta"));
        Assert.False(user.ContainsKey("groups"));
        Assert.Equal("Secret!1", (string?)user["password"]);
    }

    [Theory]
    [InlineData("active", "\"yes\"")]
    [InlineData("active", "12")]
    [InlineData("name", "\"Ada\"")]
    [InlineData("emails", "\"a@x\"")]
    [InlineData("displayName", "{ \"x\": 1 }")]
    [InlineData("profileUrl", "5")]
    public void Normalize_UncoercibleValue_IsInvalidValueNamingTheAttribute(string attribute, string json)
    {
        var result = NormalizeUser($$"""{ "userName": "a", "{{attribute}}": {{json}} }""");

        Assert.False(result.IsValid);
        Assert.Null(result.Resource);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ScimErrorTypes.InvalidValue, error.ScimType);
        Assert.Equal(attribute, error.Attribute);
    }

    [Fact]
    public void Normalize_InvalidSubAttributeValue_NamesThePath()
    {
        var result = NormalizeUser("""{ "userName": "a", "emails": [ { "value": "a@x", "primary": "maybe" } ] }""");

        var error = Assert.Single(result.Errors);
        Assert.Equal(ScimErrorTypes.InvalidValue, error.ScimType);
        Assert.Equal("emails.primary", error.Attribute);
    }

    [Fact]
    public void Normalize_InvalidExtensionValue_NamesTheUrnQualifiedAttribute()
    {
        var result = NormalizeUser($$"""{ "userName": "a", "{{Enterprise}}": { "department": ["x"] } }""");

        var error = Assert.Single(result.Errors);
        Assert.Equal($"{Enterprise}:department", error.Attribute);
    }

    [Fact]
    public void Normalize_SingleObjectForMultiValued_IsWrappedInArray()
    {
        var user = AssertValid(NormalizeUser("""{ "userName": "a", "emails": { "value": "a@x" } }"""));

        var emails = user["emails"]!.AsArray();
        Assert.Equal("a@x", (string?)Assert.Single(emails)!["value"]);
    }

    [Fact]
    public void Normalize_NullEntriesInMultiValued_AreDropped()
    {
        var user = AssertValid(NormalizeUser("""{ "userName": "a", "emails": [ null, { "value": "a@x" }, {} ] }"""));

        Assert.Single(user["emails"]!.AsArray());
    }

    [Fact]
    public void Normalize_UnknownCoreAttributes_AreDropped()
    {
        var user = AssertValid(NormalizeUser("""{ "userName": "a", "favouriteColour": "blue", "name": { "nick": "x", "givenName": "A" } }"""));

        Assert.False(user.ContainsKey("favouriteColour"));
        Assert.Single(user["name"]!.AsObject());
    }

    [Fact]
    public void Normalize_CustomExtensionObject_IsKeptExactlyAsSent()
    {
        var user = AssertValid(NormalizeUser($$"""
            { "userName": "a", "{{Custom}}": { "CostCode": "C-1", "flags": ["x", 1, true], "Nested": { "A": null } } }
            """));

        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{ "CostCode": "C-1", "flags": ["x", 1, true], "Nested": { "A": null } }"""),
            user[Custom]));
        Assert.Contains(Custom, user["schemas"]!.AsArray().Select(s => (string?)s));
    }

    [Fact]
    public void Normalize_CustomUrnQualifiedAttribute_IsKeptButNotListedInSchemas()
    {
        var user = AssertValid(NormalizeUser($$"""{ "userName": "a", "{{Custom}}:costCode": "C-1" }"""));

        Assert.Equal("C-1", (string?)user[$"{Custom}:costCode"]);
        Assert.DoesNotContain($"{Custom}:costCode", user["schemas"]!.AsArray().Select(s => (string?)s));
    }

    [Fact]
    public void Normalize_RebuildsSchemas_ToleratingUnknownUrns()
    {
        var user = AssertValid(NormalizeUser($$"""
            {
              "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:example:unused:1.0", "{{Enterprise}}"],
              "userName": "a",
              "{{Enterprise}}:department": "X"
            }
            """));

        Assert.Equal([ScimSchemaUrns.User, Enterprise], user["schemas"]!.AsArray().Select(s => (string?)s));
        Assert.Equal("schemas", user.First().Key);
    }

    [Fact]
    public void Normalize_SchemasWithoutEnterpriseObject_OmitsEnterpriseUrn()
    {
        var user = AssertValid(NormalizeUser($$"""{ "schemas": ["{{Enterprise}}"], "userName": "a" }"""));

        Assert.Equal([ScimSchemaUrns.User], user["schemas"]!.AsArray().Select(s => (string?)s));
    }

    [Fact]
    public void Normalize_SchemasNotAnArray_IsInvalidSyntax()
    {
        var result = NormalizeUser("""{ "schemas": "urn:ietf:params:scim:schemas:core:2.0:User", "userName": "a" }""");

        Assert.Equal(ScimErrorTypes.InvalidSyntax, Assert.Single(result.Errors).ScimType);
    }

    [Fact]
    public void Normalize_ExtensionNotAnObject_IsInvalidSyntax()
    {
        var result = NormalizeUser($$"""{ "userName": "a", "{{Enterprise}}": "x" }""");

        var error = Assert.Single(result.Errors);
        Assert.Equal(ScimErrorTypes.InvalidSyntax, error.ScimType);
        Assert.Equal(Enterprise, error.Attribute);
    }

    [Fact]
    public void Normalize_TwoPrimaryValues_IsInvalidValue()
    {
        var result = NormalizeUser("""
            { "userName": "a", "emails": [ { "value": "a@x", "primary": true }, { "value": "b@x", "primary": "True" } ] }
            """);

        var error = Assert.Single(result.Errors);
        Assert.Equal(ScimErrorTypes.InvalidValue, error.ScimType);
        Assert.Equal("emails", error.Attribute);
    }

    [Fact]
    public void ValidatePrimary_OnePrimaryPerAttribute_IsValid()
    {
        var resource = JsonNode.Parse("""
            {
              "emails": [ { "value": "a", "primary": true }, { "value": "b", "primary": false } ],
              "phoneNumbers": [ { "value": "1", "primary": true } ]
            }
            """)!.AsObject();

        Assert.Empty(ScimResourceNormalizer.ValidatePrimary(resource, ScimSchemas.UserResourceType));
    }

    [Fact]
    public void Normalize_Group_CanonicalisesMembersAndDropsId()
    {
        var input = JsonNode.Parse("""
            {
              "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
              "id": "x",
              "externalId": "ext-1",
              "DisplayName": "Engineers",
              "Members": [ { "Value": "u1", "Type": "User" } ],
              "employeeNumber": "7"
            }
            """)!.AsObject();

        var group = AssertValid(ScimResourceNormalizer.Normalize(input, ScimSchemas.GroupResourceType));

        Assert.Equal("Engineers", (string?)group["displayName"]);
        Assert.Equal("ext-1", (string?)group["externalId"]);
        Assert.Equal("u1", (string?)group["members"]![0]!["value"]);
        Assert.Equal("User", (string?)group["members"]![0]!["type"]);
        Assert.False(group.ContainsKey("id"));
        Assert.False(group.ContainsKey("employeeNumber"));
        Assert.Equal([ScimSchemaUrns.Group], group["schemas"]!.AsArray().Select(s => (string?)s));
    }

    [Fact]
    public void Normalize_NumberForStringAttribute_IsStringified()
    {
        var user = AssertValid(NormalizeUser($$"""{ "userName": "a", "{{Enterprise}}": { "employeeNumber": 1234 } }"""));

        Assert.Equal("1234", (string?)user[Enterprise]!["employeeNumber"]);
    }

    [Fact]
    public void Normalize_BinaryCertificate_MustBeBase64()
    {
        Assert.True(NormalizeUser("""{ "userName": "a", "x509Certificates": [ { "value": "AQID" } ] }""").IsValid);

        var result = NormalizeUser("""{ "userName": "a", "x509Certificates": [ { "value": "not base64!" } ] }""");
        Assert.Equal("x509Certificates.value", Assert.Single(result.Errors).Attribute);
    }

    [Fact]
    public void Normalize_DoesNotModifyInput()
    {
        var input = JsonNode.Parse("""{ "UserName": "a", "active": "True", "id": "1" }""")!.AsObject();
        var before = input.ToJsonString();

        _ = ScimResourceNormalizer.Normalize(input, ScimSchemas.UserResourceType);

        Assert.Equal(before, input.ToJsonString());
    }

    [Fact]
    public void Normalize_CollectsAllErrors()
    {
        var result = NormalizeUser("""{ "userName": "a", "active": "nope", "name": 5 }""");

        Assert.Equal(2, result.Errors.Count);
    }

    private static NormalizationResult NormalizeUser(string json) =>
        ScimResourceNormalizer.Normalize(JsonNode.Parse(json)!.AsObject(), ScimSchemas.UserResourceType);

    private static JsonObject AssertValid(NormalizationResult result)
    {
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        return result.Resource!;
    }
}
