using ScimClean.Application.Scim;
using ScimClean.Application.Scim.Schemas;

namespace ScimClean.Application.UnitTests.Scim.Schemas;

public sealed class SchemaAttributeResolverTests
{
    private static readonly ResourceTypeDefinition User = ScimSchemas.UserResourceType;
    private static readonly ResourceTypeDefinition Group = ScimSchemas.GroupResourceType;

    [Fact]
    public void Resolve_CoreAttribute_IgnoresCase()
    {
        var result = SchemaAttributeResolver.Resolve(User, null, "USERNAME");

        Assert.True(result.IsFound);
        Assert.Equal("userName", result.Attribute!.Name);
        Assert.Equal(ScimSchemaUrns.User, result.SchemaUrn);
        Assert.Null(result.Parent);
    }

    [Fact]
    public void Resolve_SubAttribute_ReturnsItAndItsParent()
    {
        var result = SchemaAttributeResolver.Resolve(User, null, "Name", "GIVENNAME");

        Assert.True(result.IsFound);
        Assert.Equal("givenName", result.Attribute!.Name);
        Assert.Equal("name", result.Parent!.Name);
    }

    [Fact]
    public void Resolve_UnprefixedEnterpriseAttribute_FallsBackToExtension()
    {
        var result = SchemaAttributeResolver.Resolve(User, null, "employeeNumber");

        Assert.True(result.IsFound);
        Assert.Equal(ScimSchemaUrns.EnterpriseUser, result.SchemaUrn);
        Assert.Equal(ScimSchemaUrns.EnterpriseUser, SchemaAttributeResolver.SchemaUrnOf(User, "EMPLOYEENUMBER"));
    }

    [Fact]
    public void Resolve_UnprefixedName_PrefersCore()
    {
        // displayName exists in core User; manager.displayName in enterprise must not win.
        var result = SchemaAttributeResolver.Resolve(User, null, "displayName");

        Assert.Equal(ScimSchemaUrns.User, result.SchemaUrn);
    }

    [Fact]
    public void Resolve_UrnQualifiedEnterpriseAttribute_IgnoresUrnCase()
    {
        var result = SchemaAttributeResolver.Resolve(User, ScimSchemaUrns.EnterpriseUser.ToUpperInvariant(), "manager", "value");

        Assert.True(result.IsFound);
        Assert.Equal(ScimSchemaUrns.EnterpriseUser, result.SchemaUrn);
        Assert.Equal("manager", result.Parent!.Name);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("externalId")]
    [InlineData("meta")]
    public void Resolve_CommonAttributes_ReportCoreUrn(string name)
    {
        var result = SchemaAttributeResolver.Resolve(Group, null, name);

        Assert.True(result.IsFound);
        Assert.Equal(ScimSchemaUrns.Group, result.SchemaUrn);
    }

    [Fact]
    public void Resolve_MetaSubAttribute()
    {
        var result = SchemaAttributeResolver.Resolve(User, ScimSchemaUrns.User, "meta", "lastModified");

        Assert.Equal(ScimAttributeType.DateTime, result.Attribute!.Type);
    }

    [Theory]
    [InlineData(null, "nope", null)]
    [InlineData(null, "name", "nope")]
    [InlineData(ScimSchemaUrns.EnterpriseUser, "userName", null)]
    [InlineData(ScimSchemaUrns.Group, "members", null)]
    public void Resolve_Unknown_IsNotFound(string? urn, string name, string? sub)
    {
        var result = SchemaAttributeResolver.Resolve(User, urn, name, sub);

        Assert.Equal(AttributeResolutionStatus.NotFound, result.Status);
        Assert.Null(result.Attribute);
    }

    [Fact]
    public void Resolve_EnterpriseAttributeOnGroup_IsNotFound()
    {
        Assert.False(SchemaAttributeResolver.Resolve(Group, null, "employeeNumber").IsFound);
    }

    [Fact]
    public void Resolve_UnknownUrn_IsCustomExtension()
    {
        const string custom = "urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User";

        var result = SchemaAttributeResolver.Resolve(User, custom, "costCode");

        Assert.Equal(AttributeResolutionStatus.CustomExtension, result.Status);
        Assert.Equal(custom, result.SchemaUrn);
    }

    [Theory]
    [InlineData("userName", null, "userName", null)]
    [InlineData("name.givenName", null, "name", "givenName")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value", ScimSchemaUrns.EnterpriseUser, "manager", "value")]
    [InlineData("URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER:department", ScimSchemaUrns.EnterpriseUser, "department", null)]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:emails.value", ScimSchemaUrns.User, "emails", "value")]
    [InlineData("urn:example:custom:2.0:User:costCode", "urn:example:custom:2.0:User", "costCode", null)]
    public void Parse_SplitsUrnAttributeAndSubAttribute(string text, string? urn, string name, string? sub)
    {
        var path = AttributePath.Parse(text, SchemaAttributeResolver.KnownUrnsOf(User));

        Assert.Equal(new AttributePath(urn, name, sub), path);
    }

    [Theory]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", true)]
    [InlineData(" URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER ", true)]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager", false)]
    [InlineData("urn:example:custom:2.0:User", false)]
    public void TryParseSchemaUrn_WhenBareKnownUrn_ShouldReturnCanonicalUrn(string text, bool expected)
    {
        var ok = AttributePath.TryParseSchemaUrn(text, SchemaAttributeResolver.KnownUrnsOf(User), out var urn);

        Assert.Equal(expected, ok);
        Assert.Equal(expected ? ScimSchemaUrns.EnterpriseUser : null, urn);
    }

    [Fact]
    public void Resolve_WhenPathIsBareSchemaUrn_ShouldBeNotFound()
    {
        var result = SchemaAttributeResolver.Resolve(User, ScimSchemaUrns.EnterpriseUser);

        Assert.Equal(AttributeResolutionStatus.NotFound, result.Status);
    }

    [Fact]
    public void Resolve_PathText()
    {
        var result = SchemaAttributeResolver.Resolve(User, "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:Manager.DisplayName");

        Assert.Equal("displayName", result.Attribute!.Name);
        Assert.Equal(ScimSchemaUrns.EnterpriseUser, result.SchemaUrn);
    }
}
