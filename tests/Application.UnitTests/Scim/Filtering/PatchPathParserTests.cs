using ScimClean.Application.Scim;
using ScimClean.Application.Scim.Filtering;

namespace ScimClean.Application.UnitTests.Scim.Filtering;

public sealed class PatchPathParserTests
{
    private const string EnterpriseUrn = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    [Theory]
    [InlineData("userName", null, "userName", null)]
    [InlineData("UserName", null, "UserName", null)]
    [InlineData("name.givenName", null, "name", "givenName")]
    [InlineData("emails", null, "emails", null)]
    [InlineData("Members", null, "Members", null)]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager", EnterpriseUrn, "manager", null)]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value", EnterpriseUrn, "manager", "value")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber", EnterpriseUrn, "employeeNumber", null)]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:userName", "urn:ietf:params:scim:schemas:core:2.0:User", "userName", null)]
    public void Parse_WhenPlainPath_ShouldProduceAttributeOnly(string text, string? urn, string name, string? sub)
    {
        // Act
        var path = PatchPathParser.Parse(text);

        // Assert
        Assert.Equal(new PatchPath(new AttributePath(urn, name, sub), null, null), path);
    }

    [Theory]
    [InlineData("emails[type eq \"work\"].value", "emails", "type", "work", "value")]
    [InlineData("emails[type eq \"work\"].Value", "emails", "type", "work", "Value")]
    [InlineData("addresses[type eq \"work\"].streetAddress", "addresses", "type", "work", "streetAddress")]
    [InlineData("members[value eq \"abc\"]", "members", "value", "abc", null)]
    [InlineData("roles[primary eq \"True\"].value", "roles", "primary", "True", "value")]
    [InlineData("EMAILS[TYPE EQ \"work\"].VALUE", "EMAILS", "TYPE", "work", "VALUE")]
    public void Parse_WhenValuePath_ShouldSplitAttributeFilterAndSubAttribute(
        string text, string attribute, string filterAttribute, string filterValue, string? sub)
    {
        // Act
        var path = PatchPathParser.Parse(text);

        // Assert
        var expectedFilter = new ComparisonFilter(
            new AttributePath(null, filterAttribute, null),
            ComparisonOperator.Eq,
            FilterValue.FromString(filterValue));
        Assert.Equal(new PatchPath(new AttributePath(null, attribute, null), expectedFilter, sub), path);
    }

    [Fact]
    public void Parse_WhenValuePathHasComplexFilter_ShouldParseFilter()
    {
        // Act
        var path = PatchPathParser.Parse("emails[type eq \"work\" and not (primary eq true)].display");

        // Assert
        var filter = Assert.IsType<LogicalFilter>(path.ValueFilter);
        Assert.Equal(LogicalOperator.And, filter.Op);
        Assert.IsType<NotFilter>(filter.Right);
        Assert.Equal("display", path.SubAttribute);
    }

    [Fact]
    public void Parse_WhenUrnQualifiedValuePath_ShouldKeepUrn()
    {
        // Act
        var path = PatchPathParser.Parse("urn:ietf:params:scim:schemas:core:2.0:User:emails[type eq \"work\"].value");

        // Assert
        Assert.Equal(new AttributePath("urn:ietf:params:scim:schemas:core:2.0:User", "emails", null), path.Attribute);
        Assert.NotNull(path.ValueFilter);
        Assert.Equal("value", path.SubAttribute);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("emails[")]
    [InlineData("emails[type eq \"work\"")]
    [InlineData("emails[type eq]")]
    [InlineData("emails[]")]
    [InlineData("emails]")]
    [InlineData("emails[type eq \"work\"]x")]
    [InlineData("emails[type eq \"work\"][value pr]")]
    [InlineData("emails[type eq \"work\"].value.display")]
    [InlineData("emails[type eq \"work\"].")]
    [InlineData("emails[type eq \"work\"].value eq \"x\"")]
    [InlineData("name.givenName[type eq \"a\"]")]
    [InlineData("name.givenName.x")]
    [InlineData("emails.")]
    [InlineData("1abc")]
    [InlineData("user name")]
    [InlineData("userName eq \"x\"")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:")]
    [InlineData("urn:bad")]
    [InlineData("emails[type[x eq 1]]")]
    public void Parse_WhenMalformed_ShouldThrowPatchPathParseException(string text)
    {
        // Act
        var ex = Assert.Throws<PatchPathParseException>(() => PatchPathParser.Parse(text));

        // Assert
        Assert.StartsWith($"Invalid path at position {ex.Position}: ", ex.Message, StringComparison.Ordinal);
        Assert.InRange(ex.Position, 0, text.Length);
    }

    [Fact]
    public void Parse_WhenFilterInsideBracketsIsInvalid_ShouldExposeFilterErrorAsInnerException()
    {
        // Act
        var ex = Assert.Throws<PatchPathParseException>(() => PatchPathParser.Parse("emails[type xx \"work\"]"));

        // Assert
        var inner = Assert.IsType<FilterParseException>(ex.InnerException);
        Assert.Equal(12, ex.Position);
        Assert.Equal(inner.Position, ex.Position);
        Assert.Contains("unknown operator 'xx'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenPathLongerThanMaxLength_ShouldThrowPatchPathParseException()
    {
        // Arrange
        var text = new string('a', 5000);

        // Act / Assert
        Assert.Throws<PatchPathParseException>(() => PatchPathParser.Parse(text));
    }

    [Fact]
    public void TryParse_WhenValidAndInvalid_ShouldReportWithoutThrowing()
    {
        // Act
        var ok = PatchPathParser.TryParse("emails[type eq \"work\"].value", out var path, out var noError);
        var bad = PatchPathParser.TryParse("emails[", out var badPath, out var error);

        // Assert
        Assert.True(ok);
        Assert.NotNull(path);
        Assert.Null(noError);
        Assert.False(bad);
        Assert.Null(badPath);
        Assert.NotNull(error);
    }
}
