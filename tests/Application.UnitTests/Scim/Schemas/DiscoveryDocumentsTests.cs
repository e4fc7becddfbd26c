using System.Text.Json.Nodes;
using ScimClean.Application.Scim.Schemas;

namespace ScimClean.Application.UnitTests.Scim.Schemas;

public sealed class DiscoveryDocumentsTests
{
    private const string Base = "https://scim.example.com/scim/v2/";

    public static TheoryData<string> SchemaUrns => [ScimSchemaUrns.User, ScimSchemaUrns.EnterpriseUser, ScimSchemaUrns.Group];

    [Theory]
    [MemberData(nameof(SchemaUrns))]
    public void Schema_ContainsExactlyTheCatalogueAttributes(string urn)
    {
        var schema = ScimSchemas.FindSchema(urn)!;

        var document = DiscoveryDocuments.Schema(schema, Base);

        Assert.Equal(urn, (string?)document["id"]);
        Assert.Equal(schema.Name, (string?)document["name"]);
        AssertAttributesMatch(schema.Attributes, document["attributes"]!.AsArray());
    }

    [Fact]
    public void Schema_HasSchemasAndMeta()
    {
        var document = DiscoveryDocuments.Schema(ScimSchemas.CoreUser, Base);

        Assert.Equal(ScimSchemaUrns.Schema, (string?)document["schemas"]![0]);
        Assert.Equal("Schema", (string?)document["meta"]!["resourceType"]);
        Assert.Equal($"https://scim.example.com/scim/v2/Schemas/{ScimSchemaUrns.User}", (string?)document["meta"]!["location"]);
    }

    [Fact]
    public void Schema_UsesRfcCharacteristicSpellings()
    {
        var attributes = DiscoveryDocuments.Schema(ScimSchemas.CoreUser, Base)["attributes"]!.AsArray();
        JsonNode Find(string name) => attributes.Single(a => (string?)a!["name"] == name)!;

        var password = Find("password");
        Assert.Equal("string", (string?)password["type"]);
        Assert.Equal("writeOnly", (string?)password["mutability"]);
        Assert.Equal("never", (string?)password["returned"]);
        Assert.Equal("none", (string?)password["uniqueness"]);

        var userName = Find("userName");
        Assert.True((bool)userName["required"]!);
        Assert.False((bool)userName["caseExact"]!);
        Assert.False((bool)userName["multiValued"]!);
        Assert.Equal("server", (string?)userName["uniqueness"]);
        Assert.Equal("readWrite", (string?)userName["mutability"]);
        Assert.Equal("default", (string?)userName["returned"]);

        Assert.Equal("boolean", (string?)Find("active")["type"]);
        Assert.Equal("reference", (string?)Find("profileUrl")["type"]);
        Assert.Equal("external", (string?)Find("profileUrl")["referenceTypes"]![0]);

        var groups = Find("groups");
        Assert.Equal("complex", (string?)groups["type"]);
        Assert.True((bool)groups["multiValued"]!);
        Assert.Equal("readOnly", (string?)groups["mutability"]);

        var certificateValue = Find("x509Certificates")["subAttributes"]!.AsArray().Single(a => (string?)a!["name"] == "value")!;
        Assert.Equal("binary", (string?)certificateValue["type"]);

        var emailType = Find("emails")["subAttributes"]!.AsArray().Single(a => (string?)a!["name"] == "type")!;
        Assert.Equal(["work", "home", "other"], emailType["canonicalValues"]!.AsArray().Select(v => (string?)v));
    }

    [Fact]
    public void Schema_RendersDateTimeAndImmutableSpellings()
    {
        var members = DiscoveryDocuments.Schema(ScimSchemas.Group, Base)["attributes"]!.AsArray()
            .Single(a => (string?)a!["name"] == "members")!;
        var value = members["subAttributes"]!.AsArray().Single(a => (string?)a!["name"] == "value")!;
        Assert.Equal("immutable", (string?)value["mutability"]);

        Assert.Equal("dateTime", ScimAttributeType.DateTime.ToScimName());
        Assert.Equal("decimal", ScimAttributeType.Decimal.ToScimName());
        Assert.Equal("integer", ScimAttributeType.Integer.ToScimName());
        Assert.Equal("always", Returned.Always.ToScimName());
        Assert.Equal("request", Returned.Request.ToScimName());
        Assert.Equal("global", Uniqueness.Global.ToScimName());
    }

    [Fact]
    public void ResourceType_User_ListsEnterpriseExtension()
    {
        var document = DiscoveryDocuments.ResourceType(ScimSchemas.UserResourceType, Base);

        Assert.Equal(ScimSchemaUrns.ResourceType, (string?)document["schemas"]![0]);
        Assert.Equal("User", (string?)document["id"]);
        Assert.Equal("User", (string?)document["name"]);
        Assert.Equal("/Users", (string?)document["endpoint"]);
        Assert.Equal(ScimSchemaUrns.User, (string?)document["schema"]);
        var extension = Assert.Single(document["schemaExtensions"]!.AsArray())!;
        Assert.Equal(ScimSchemaUrns.EnterpriseUser, (string?)extension["schema"]);
        Assert.False((bool)extension["required"]!);
        Assert.Equal("ResourceType", (string?)document["meta"]!["resourceType"]);
        Assert.Equal("https://scim.example.com/scim/v2/ResourceTypes/User", (string?)document["meta"]!["location"]);
    }

    [Fact]
    public void ResourceTypes_And_Schemas_CoverTheCatalogue()
    {
        Assert.Equal(["User", "Group"], DiscoveryDocuments.ResourceTypes(Base).Select(d => (string?)d["name"]));
        Assert.Equal(
            [ScimSchemaUrns.User, ScimSchemaUrns.EnterpriseUser, ScimSchemaUrns.Group],
            DiscoveryDocuments.Schemas(Base).Select(d => (string?)d["id"]));
    }

    [Fact]
    public void ServiceProviderConfig_RendersCapabilities()
    {
        var capabilities = new ServiceProviderCapabilities
        {
            PatchSupported = true,
            FilterSupported = true,
            MaxResults = 150,
            SortSupported = true,
            EtagSupported = true,
            DocumentationUri = "https://docs.example.com/scim",
        };

        var document = DiscoveryDocuments.ServiceProviderConfig(capabilities, Base);

        Assert.Equal(ScimSchemaUrns.ServiceProviderConfig, (string?)document["schemas"]![0]);
        Assert.Equal("https://docs.example.com/scim", (string?)document["documentationUri"]);
        Assert.True((bool)document["patch"]!["supported"]!);
        Assert.False((bool)document["bulk"]!["supported"]!);
        Assert.Equal(0, (int)document["bulk"]!["maxOperations"]!);
        Assert.True((bool)document["filter"]!["supported"]!);
        Assert.Equal(150, (int)document["filter"]!["maxResults"]!);
        Assert.False((bool)document["changePassword"]!["supported"]!);
        Assert.True((bool)document["sort"]!["supported"]!);
        Assert.True((bool)document["etag"]!["supported"]!);
        var scheme = Assert.Single(document["authenticationSchemes"]!.AsArray())!;
        Assert.Equal("oauthbearertoken", (string?)scheme["type"]);
        Assert.Equal("OAuth Bearer Token", (string?)scheme["name"]);
        Assert.False(string.IsNullOrEmpty((string?)scheme["description"]));
        Assert.True((bool)scheme["primary"]!);
        Assert.Equal("ServiceProviderConfig", (string?)document["meta"]!["resourceType"]);
        Assert.Equal("https://scim.example.com/scim/v2/ServiceProviderConfig", (string?)document["meta"]!["location"]);
    }

    [Fact]
    public void ServiceProviderConfig_Defaults_DisableBulkAndChangePassword()
    {
        var document = DiscoveryDocuments.ServiceProviderConfig(new ServiceProviderCapabilities());

        Assert.False((bool)document["bulk"]!["supported"]!);
        Assert.False((bool)document["changePassword"]!["supported"]!);
        Assert.Null(document["documentationUri"]);
        Assert.Null(document["meta"]!["location"]);
    }

    private static void AssertAttributesMatch(IReadOnlyList<SchemaAttribute> expected, JsonArray actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var attribute = expected[i];
            var node = actual[i]!.AsObject();
            Assert.Equal(attribute.Name, (string?)node["name"]);
            Assert.Equal(attribute.Type.ToScimName(), (string?)node["type"]);
            Assert.Equal(attribute.MultiValued, (bool)node["multiValued"]!);
            Assert.Equal(attribute.Description, (string?)node["description"]);
            Assert.Equal(attribute.Required, (bool)node["required"]!);
            Assert.Equal(attribute.CaseExact, (bool)node["caseExact"]!);
            Assert.Equal(attribute.Mutability.ToScimName(), (string?)node["mutability"]);
            Assert.Equal(attribute.Returned.ToScimName(), (string?)node["returned"]);
            Assert.Equal(attribute.Uniqueness.ToScimName(), (string?)node["uniqueness"]);
            Assert.Equal(attribute.CanonicalValues, StringsOf(node["canonicalValues"]));
            Assert.Equal(attribute.ReferenceTypes, StringsOf(node["referenceTypes"]));
            AssertAttributesMatch(attribute.SubAttributes, node["subAttributes"]?.AsArray() ?? []);
        }
    }

    private static string[] StringsOf(JsonNode? node) =>
        node is null ? [] : [.. node.AsArray().Select(v => (string)v!)];
}
