using ScimClean.Application.Scim.Schemas;

namespace ScimClean.Application.UnitTests.Scim.Schemas;

public sealed class ScimSchemasTests
{
    [Fact]
    public void CoreUser_ContainsEveryRfc7643UserAttribute()
    {
        string[] expected =
        [
            "userName", "name", "displayName", "nickName", "profileUrl", "title", "userType", "preferredLanguage",
            "locale", "timezone", "active", "password", "emails", "phoneNumbers", "ims", "photos", "addresses",
            "groups", "entitlements", "roles", "x509Certificates",
        ];

        Assert.Equal(expected, ScimSchemas.CoreUser.Attributes.Select(a => a.Name));
        Assert.Equal(ScimSchemaUrns.User, ScimSchemas.CoreUser.Id);
    }

    [Fact]
    public void UserName_IsRequiredCaseInsensitiveAndServerUnique()
    {
        var userName = ScimSchemas.CoreUser.FindAttribute("USERNAME")!;

        Assert.Equal("userName", userName.Name);
        Assert.True(userName.Required);
        Assert.False(userName.CaseExact);
        Assert.Equal(Uniqueness.Server, userName.Uniqueness);
        Assert.Equal(Mutability.ReadWrite, userName.Mutability);
        Assert.Equal(Returned.Default, userName.Returned);
    }

    [Fact]
    public void Password_IsWriteOnlyAndNeverReturned()
    {
        var password = ScimSchemas.CoreUser.FindAttribute("password")!;

        Assert.Equal(Mutability.WriteOnly, password.Mutability);
        Assert.Equal(Returned.Never, password.Returned);
    }

    [Fact]
    public void Name_HasTheSixNameComponents()
    {
        var name = ScimSchemas.CoreUser.FindAttribute("name")!;

        Assert.Equal(ScimAttributeType.Complex, name.Type);
        Assert.Equal(
            ["formatted", "familyName", "givenName", "middleName", "honorificPrefix", "honorificSuffix"],
            name.SubAttributes.Select(a => a.Name));
    }

    [Theory]
    [InlineData("emails", new[] { "work", "home", "other" })]
    [InlineData("phoneNumbers", new[] { "work", "home", "mobile", "fax", "pager", "other" })]
    [InlineData("ims", new[] { "aim", "gtalk", "icq", "xmpp", "msn", "skype", "qq", "yahoo" })]
    [InlineData("photos", new[] { "photo", "thumbnail" })]
    [InlineData("addresses", new[] { "work", "home", "other" })]
    public void MultiValuedAttributes_HaveCanonicalTypeValues(string attributeName, string[] canonicalTypes)
    {
        var attribute = ScimSchemas.CoreUser.FindAttribute(attributeName)!;

        Assert.True(attribute.MultiValued);
        Assert.Equal(ScimAttributeType.Complex, attribute.Type);
        Assert.Equal(canonicalTypes, attribute.FindSubAttribute("type")!.CanonicalValues);
        Assert.Equal(ScimAttributeType.Boolean, attribute.FindSubAttribute("primary")!.Type);
    }

    [Theory]
    [InlineData("emails")]
    [InlineData("phoneNumbers")]
    [InlineData("ims")]
    [InlineData("photos")]
    [InlineData("entitlements")]
    [InlineData("roles")]
    [InlineData("x509Certificates")]
    public void StandardMultiValuedAttributes_HaveValueDisplayTypePrimary(string attributeName)
    {
        var attribute = ScimSchemas.CoreUser.FindAttribute(attributeName)!;

        Assert.Equal(["value", "display", "type", "primary"], attribute.SubAttributes.Select(a => a.Name));
    }

    [Fact]
    public void X509CertificateValue_IsBinary_PhotoValue_IsExternalReference()
    {
        Assert.Equal(ScimAttributeType.Binary, ScimSchemas.CoreUser.FindAttribute("x509Certificates")!.FindSubAttribute("value")!.Type);

        var photoValue = ScimSchemas.CoreUser.FindAttribute("photos")!.FindSubAttribute("value")!;
        Assert.Equal(ScimAttributeType.Reference, photoValue.Type);
        Assert.Equal(["external"], photoValue.ReferenceTypes);
    }

    [Fact]
    public void Addresses_HaveAddressComponents()
    {
        Assert.Equal(
            ["formatted", "streetAddress", "locality", "region", "postalCode", "country", "type", "primary"],
            ScimSchemas.CoreUser.FindAttribute("addresses")!.SubAttributes.Select(a => a.Name));
    }

    [Fact]
    public void Groups_IsReadOnlyWithReadOnlySubAttributes()
    {
        var groups = ScimSchemas.CoreUser.FindAttribute("groups")!;

        Assert.Equal(Mutability.ReadOnly, groups.Mutability);
        Assert.Equal(["value", "$ref", "display", "type"], groups.SubAttributes.Select(a => a.Name));
        Assert.All(groups.SubAttributes, a => Assert.Equal(Mutability.ReadOnly, a.Mutability));
        Assert.Equal(["direct", "indirect"], groups.FindSubAttribute("type")!.CanonicalValues);
    }

    [Fact]
    public void Active_IsBoolean()
    {
        Assert.Equal(ScimAttributeType.Boolean, ScimSchemas.CoreUser.FindAttribute("active")!.Type);
    }

    [Fact]
    public void EnterpriseUser_HasManagerWithReadOnlyDisplayName()
    {
        var schema = ScimSchemas.EnterpriseUser;

        Assert.Equal(ScimSchemaUrns.EnterpriseUser, schema.Id);
        Assert.Equal(
            ["employeeNumber", "costCenter", "organization", "division", "department", "manager"],
            schema.Attributes.Select(a => a.Name));
        var manager = schema.FindAttribute("manager")!;
        Assert.Equal(["value", "$ref", "displayName"], manager.SubAttributes.Select(a => a.Name));
        Assert.Equal(Mutability.ReadOnly, manager.FindSubAttribute("displayName")!.Mutability);
        Assert.Equal(["User"], manager.FindSubAttribute("$ref")!.ReferenceTypes);
    }

    [Fact]
    public void Group_DisplayNameIsRequiredAndUnique_MembersValueImmutable()
    {
        var displayName = ScimSchemas.Group.FindAttribute("displayName")!;
        Assert.True(displayName.Required);
        Assert.Equal(Uniqueness.Server, displayName.Uniqueness);

        var members = ScimSchemas.Group.FindAttribute("members")!;
        Assert.True(members.MultiValued);
        Assert.Equal(Mutability.Immutable, members.FindSubAttribute("value")!.Mutability);
        Assert.Equal(["User", "Group"], members.FindSubAttribute("type")!.CanonicalValues);
        Assert.NotNull(members.FindSubAttribute("$ref"));
        Assert.NotNull(members.FindSubAttribute("display"));
    }

    [Fact]
    public void CommonAttributes_HaveRfcCharacteristics()
    {
        var id = ScimSchemas.CommonAttributes.Single(a => a.Name == "id");
        Assert.Equal(Mutability.ReadOnly, id.Mutability);
        Assert.Equal(Returned.Always, id.Returned);
        Assert.True(id.CaseExact);

        Assert.True(ScimSchemas.CommonAttributes.Single(a => a.Name == "externalId").CaseExact);

        var meta = ScimSchemas.CommonAttributes.Single(a => a.Name == "meta");
        Assert.Equal(Mutability.ReadOnly, meta.Mutability);
        Assert.Equal(["resourceType", "created", "lastModified", "location", "version"], meta.SubAttributes.Select(a => a.Name));
        Assert.Equal(ScimAttributeType.DateTime, meta.FindSubAttribute("lastModified")!.Type);
    }

    [Fact]
    public void ResourceTypes_UserHasOptionalEnterpriseExtension_GroupHasNone()
    {
        var user = ScimSchemas.FindResourceType("user")!;
        Assert.Equal("/Users", user.Endpoint);
        Assert.Equal(ScimSchemaUrns.User, user.Schema);
        var extension = Assert.Single(user.SchemaExtensions);
        Assert.Equal(ScimSchemaUrns.EnterpriseUser, extension.Schema);
        Assert.False(extension.Required);

        var group = ScimSchemas.FindResourceType("Group")!;
        Assert.Equal("/Groups", group.Endpoint);
        Assert.Empty(group.SchemaExtensions);
    }
}
