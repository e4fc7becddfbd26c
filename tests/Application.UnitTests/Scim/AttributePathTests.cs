using ScimClean.Application.Scim;

namespace ScimClean.Application.UnitTests.Scim;

public sealed class AttributePathTests
{
    private const string EnterpriseUrn = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    [Theory]
    [InlineData(null, "userName", null, "userName")]
    [InlineData(null, "name", "givenName", "name.givenName")]
    [InlineData(EnterpriseUrn, "manager", "value", EnterpriseUrn + ":manager.value")]
    [InlineData(EnterpriseUrn, "employeeNumber", null, EnterpriseUrn + ":employeeNumber")]
    public void FullName_WhenComposed_ShouldRenderCanonicalPath(string? urn, string name, string? sub, string expected)
    {
        // Arrange
        var path = new AttributePath(urn, name, sub);

        // Act
        var fullName = path.FullName;

        // Assert
        Assert.Equal(expected, fullName);
    }

    [Fact]
    public void Matches_WhenOnlyCasingDiffers_ShouldBeTrueWhileRecordEqualityIsFalse()
    {
        // Arrange
        var a = new AttributePath(EnterpriseUrn, "manager", "value");
        var b = new AttributePath(EnterpriseUrn.ToUpperInvariant(), "MANAGER", "Value");

        // Act
        var matches = a.Matches(b);

        // Assert
        Assert.True(matches);
        Assert.NotEqual(a, b);
        Assert.True(a.Matches(EnterpriseUrn, "Manager", "VALUE"));
    }

    [Theory]
    [InlineData(null, "name", "familyName")]
    [InlineData(EnterpriseUrn, "name", "givenName")]
    [InlineData(null, "name", null)]
    [InlineData(null, "nickName", "givenName")]
    public void Matches_WhenAnyPartDiffers_ShouldBeFalse(string? urn, string name, string? sub)
    {
        // Arrange
        var path = new AttributePath(null, "name", "givenName");

        // Act
        var matches = path.Matches(urn, name, sub);

        // Assert
        Assert.False(matches);
    }

    [Theory]
    [InlineData("userName", null, "userName", null)]
    [InlineData("name.givenName", null, "name", "givenName")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value", EnterpriseUrn, "manager", "value")]
    public void TryParse_WhenValid_ShouldReturnPath(string text, string? urn, string name, string? sub)
    {
        // Act
        var ok = AttributePath.TryParse(text, out var path);

        // Assert
        Assert.True(ok);
        Assert.Equal(new AttributePath(urn, name, sub), path);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("emails[type eq \"work\"]")]
    [InlineData("name.")]
    [InlineData("userName eq 1")]
    public void TryParse_WhenInvalid_ShouldReturnFalse(string? text)
    {
        // Act
        var ok = AttributePath.TryParse(text, out var path);

        // Assert
        Assert.False(ok);
        Assert.Null(path);
    }
}
