using System.Net;
using System.Text.Json;
using ScimClean.Api.IntegrationTests.Infrastructure;
using ScimClean.Api.IntegrationTests.Scim.Groups;
using ScimClean.Application.Scim;
using ScimClean.Application.Scim.Schemas;

namespace ScimClean.Api.IntegrationTests.Scim.Discovery;

public sealed class DiscoveryEndpointsTests(ScimCleanApiFactory factory) : IClassFixture<ScimCleanApiFactory>
{
    private const string EnterpriseUser = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    public static TheoryData<string> DiscoveryPaths =>
    [
        "/ServiceProviderConfig",
        "/ResourceTypes",
        "/ResourceTypes/User",
        "/ResourceTypes/Group",
        "/Schemas",
        "/Schemas/urn:ietf:params:scim:schemas:core:2.0:User",
        "/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group",
        "/Schemas/" + EnterpriseUser,
    ];

    [Theory]
    [MemberData(nameof(DiscoveryPaths))]
    public async Task Get_WithoutToken_ShouldReturn401(string path)
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        using var anonymous = factory.CreateClient();

        // Act
        var response = await anonymous.GetAsync(directory.BasePath + path, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(DiscoveryPaths))]
    public async Task Get_WithAnotherOrganizationsToken_ShouldReturn401(string path)
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);
        var other = await ScimDirectory.CreateAsync(factory);

        // Act
        var response = await other.Client.GetAsync(directory.BasePath + path, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(DiscoveryPaths))]
    public async Task Get_WithToken_ShouldReturn200AsScimJson(string path)
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);

        // Act
        var response = await directory.GetAsync(path);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ScimDirectory.ScimMediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetServiceProviderConfig_ShouldAdvertiseWhatTheServiceSupports()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);

        // Act
        var config = await GetJsonAsync(directory, "/ServiceProviderConfig");

        // Assert
        Assert.Equal("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig", config.GetProperty("schemas")[0].GetString());
        Assert.True(config.GetProperty("patch").GetProperty("supported").GetBoolean());
        Assert.False(config.GetProperty("bulk").GetProperty("supported").GetBoolean());
        Assert.True(config.GetProperty("filter").GetProperty("supported").GetBoolean());
        Assert.Equal(ScimListLimits.MaxCount, config.GetProperty("filter").GetProperty("maxResults").GetInt32());
        Assert.True(config.GetProperty("sort").GetProperty("supported").GetBoolean());
        Assert.True(config.GetProperty("etag").GetProperty("supported").GetBoolean());
        Assert.Equal(JsonValueKind.True, config.GetProperty("changePassword").GetProperty("supported").ValueKind);
        var schemes = config.GetProperty("authenticationSchemes").EnumerateArray().ToList();
        var bearer = Assert.Single(schemes, scheme => scheme.GetProperty("type").GetString() == "oauthbearertoken");
        Assert.False(string.IsNullOrWhiteSpace(bearer.GetProperty("name").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(bearer.GetProperty("description").GetString()));
        Assert.Equal("ServiceProviderConfig", config.GetProperty("meta").GetProperty("resourceType").GetString());
        Assert.Equal($"{directory.BaseUrl}/ServiceProviderConfig", config.GetProperty("meta").GetProperty("location").GetString());
    }

    [Fact]
    public async Task GetResourceTypes_ShouldListUserWithEnterpriseExtensionAndGroup()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);

        // Act
        var list = await GetJsonAsync(directory, "/ResourceTypes");

        // Assert
        Assert.Equal(ScimDirectory.ListResponseSchema, list.GetProperty("schemas")[0].GetString());
        Assert.Equal(2, list.GetProperty("totalResults").GetInt32());
        var types = list.GetProperty("Resources").EnumerateArray().ToDictionary(type => type.GetProperty("name").GetString()!);
        Assert.Equal(["Group", "User"], types.Keys.Order(StringComparer.Ordinal));
        AssertUserResourceType(types["User"], directory);
        var group = types["Group"];
        Assert.Equal("Group", group.GetProperty("id").GetString());
        Assert.Equal("/Groups", group.GetProperty("endpoint").GetString());
        Assert.Equal(ScimDirectory.GroupSchema, group.GetProperty("schema").GetString());
        Assert.Equal(0, group.GetProperty("schemaExtensions").GetArrayLength());
        Assert.Equal($"{directory.BaseUrl}/ResourceTypes/Group", group.GetProperty("meta").GetProperty("location").GetString());
    }

    [Fact]
    public async Task GetResourceTypeUser_ShouldReturnUserWithEnterpriseExtension()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);

        // Act
        var user = await GetJsonAsync(directory, "/ResourceTypes/User");

        // Assert
        AssertUserResourceType(user, directory);
    }

    [Fact]
    public async Task GetResourceType_WhenUnknown_ShouldReturn404()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);

        // Act
        var response = await directory.GetAsync("/ResourceTypes/Device");

        // Assert
        await ScimDirectory.AssertScimErrorAsync(response, HttpStatusCode.NotFound, null);
    }

    [Fact]
    public async Task GetSchemas_ShouldServeEveryCatalogueSchemaWithTheSameAttributes()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);

        // Act
        var list = await GetJsonAsync(directory, "/Schemas");

        // Assert
        Assert.Equal(ScimDirectory.ListResponseSchema, list.GetProperty("schemas")[0].GetString());
        Assert.Equal(ScimSchemas.All.Count, list.GetProperty("totalResults").GetInt32());
        var served = list.GetProperty("Resources").EnumerateArray().ToDictionary(schema => schema.GetProperty("id").GetString()!);
        Assert.Equal(
            ScimSchemas.All.Select(schema => schema.Id).Order(StringComparer.Ordinal),
            served.Keys.Order(StringComparer.Ordinal));
        foreach (var schema in ScimSchemas.All)
        {
            AssertSchemaDocument(schema, served[schema.Id], directory);
        }
    }

    [Fact]
    public async Task GetSchemaByUrn_ShouldServeEachCatalogueSchemaWithTheSameAttributes()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);

        foreach (var schema in ScimSchemas.All)
        {
            // Act
            var served = await GetJsonAsync(directory, $"/Schemas/{schema.Id}");

            // Assert
            AssertSchemaDocument(schema, served, directory);
        }
    }

    [Fact]
    public async Task GetSchemaByUrn_WhenUnknown_ShouldReturn404()
    {
        // Arrange
        var directory = await ScimDirectory.CreateAsync(factory);

        // Act
        var response = await directory.GetAsync("/Schemas/urn:ietf:params:scim:schemas:extension:Custom:2.0:User");

        // Assert
        await ScimDirectory.AssertScimErrorAsync(response, HttpStatusCode.NotFound, null);
    }

    private static void AssertUserResourceType(JsonElement user, ScimDirectory directory)
    {
        Assert.Equal("urn:ietf:params:scim:schemas:core:2.0:ResourceType", user.GetProperty("schemas")[0].GetString());
        Assert.Equal("User", user.GetProperty("id").GetString());
        Assert.Equal("User", user.GetProperty("name").GetString());
        Assert.Equal("/Users", user.GetProperty("endpoint").GetString());
        Assert.Equal(ScimDirectory.UserSchema, user.GetProperty("schema").GetString());
        var extension = Assert.Single(user.GetProperty("schemaExtensions").EnumerateArray());
        Assert.Equal(EnterpriseUser, extension.GetProperty("schema").GetString());
        Assert.False(extension.GetProperty("required").GetBoolean());
        Assert.Equal("ResourceType", user.GetProperty("meta").GetProperty("resourceType").GetString());
        Assert.Equal($"{directory.BaseUrl}/ResourceTypes/User", user.GetProperty("meta").GetProperty("location").GetString());
    }

    private static void AssertSchemaDocument(ScimSchema schema, JsonElement served, ScimDirectory directory)
    {
        Assert.Equal("urn:ietf:params:scim:schemas:core:2.0:Schema", served.GetProperty("schemas")[0].GetString());
        Assert.Equal(schema.Id, served.GetProperty("id").GetString());
        Assert.Equal(schema.Name, served.GetProperty("name").GetString());
        Assert.Equal($"{directory.BaseUrl}/Schemas/{schema.Id}", served.GetProperty("meta").GetProperty("location").GetString());
        AssertAttributes(schema.Id, schema.Attributes, served.GetProperty("attributes"));
    }

    /// <summary>Every catalogue attribute, recursively, is served once with the same characteristics.</summary>
    private static void AssertAttributes(string owner, IReadOnlyList<SchemaAttribute> expected, JsonElement served)
    {
        var byName = served.EnumerateArray().ToDictionary(attribute => attribute.GetProperty("name").GetString()!, StringComparer.Ordinal);
        Assert.Equal(expected.Count, served.GetArrayLength());
        foreach (var attribute in expected)
        {
            var where = $"{owner}:{attribute.Name}";
            Assert.True(byName.TryGetValue(attribute.Name, out var node), $"{where} is missing from the served schema");
            Assert.True(ExpectedType(attribute.Type) == node.GetProperty("type").GetString(), $"{where}: type");
            Assert.True(attribute.MultiValued == node.GetProperty("multiValued").GetBoolean(), $"{where}: multiValued");
            Assert.True(attribute.Required == node.GetProperty("required").GetBoolean(), $"{where}: required");
            Assert.True(attribute.CaseExact == node.GetProperty("caseExact").GetBoolean(), $"{where}: caseExact");
            Assert.True(ExpectedMutability(attribute.Mutability) == node.GetProperty("mutability").GetString(), $"{where}: mutability");
            Assert.True(ExpectedReturned(attribute.Returned) == node.GetProperty("returned").GetString(), $"{where}: returned");
            Assert.True(ExpectedUniqueness(attribute.Uniqueness) == node.GetProperty("uniqueness").GetString(), $"{where}: uniqueness");
            Assert.True(attribute.Description == node.GetProperty("description").GetString(), $"{where}: description");
            Assert.Equal(attribute.CanonicalValues, Strings(node, "canonicalValues"));
            Assert.Equal(attribute.ReferenceTypes, Strings(node, "referenceTypes"));
            if (attribute.SubAttributes.Count > 0)
            {
                AssertAttributes(where, attribute.SubAttributes, node.GetProperty("subAttributes"));
            }
            else
            {
                Assert.False(node.TryGetProperty("subAttributes", out _), $"{where}: unexpected subAttributes");
            }
        }
    }

    private static List<string> Strings(JsonElement node, string name) =>
        node.TryGetProperty(name, out var values) ? values.EnumerateArray().Select(value => value.GetString()!).ToList() : [];

    // The RFC 7643 §7 spellings, written out here rather than taken from the code under test.
    private static string ExpectedType(ScimAttributeType type) => type switch
    {
        ScimAttributeType.String => "string",
        ScimAttributeType.Boolean => "boolean",
        ScimAttributeType.Decimal => "decimal",
        ScimAttributeType.Integer => "integer",
        ScimAttributeType.DateTime => "dateTime",
        ScimAttributeType.Binary => "binary",
        ScimAttributeType.Reference => "reference",
        ScimAttributeType.Complex => "complex",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private static string ExpectedMutability(Mutability mutability) => mutability switch
    {
        Mutability.ReadOnly => "readOnly",
        Mutability.ReadWrite => "readWrite",
        Mutability.Immutable => "immutable",
        Mutability.WriteOnly => "writeOnly",
        _ => throw new ArgumentOutOfRangeException(nameof(mutability), mutability, null),
    };

    private static string ExpectedReturned(Returned returned) => returned switch
    {
        Returned.Always => "always",
        Returned.Never => "never",
        Returned.Default => "default",
        Returned.Request => "request",
        _ => throw new ArgumentOutOfRangeException(nameof(returned), returned, null),
    };

    private static string ExpectedUniqueness(Uniqueness uniqueness) => uniqueness switch
    {
        Uniqueness.None => "none",
        Uniqueness.Server => "server",
        Uniqueness.Global => "global",
        _ => throw new ArgumentOutOfRangeException(nameof(uniqueness), uniqueness, null),
    };

    private static async Task<JsonElement> GetJsonAsync(ScimDirectory directory, string path)
    {
        var response = await directory.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ScimDirectory.ScimMediaType, response.Content.Headers.ContentType?.MediaType);
        return await response.ReadJsonAsync();
    }
}
