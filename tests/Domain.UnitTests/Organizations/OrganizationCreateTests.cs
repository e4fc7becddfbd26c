using ScimClean.Domain.Organizations;

namespace ScimClean.Domain.UnitTests.Organizations;

public sealed class OrganizationCreateTests
{
    private const string InvalidDomainCode = "organization.invalid_domain";
    private static readonly DateTimeOffset Now = OrganizationFactory.Now;

    [Theory]
    [InlineData("contoso.com", "contoso.com")]
    [InlineData("Contoso.COM", "contoso.com")]
    [InlineData("  contoso.com  ", "contoso.com")]
    [InlineData("contoso.com.", "contoso.com")]
    [InlineData("bücher.example", "xn--bcher-kva.example")]
    [InlineData("BÜCHER.example", "xn--bcher-kva.example")]
    [InlineData("xn--bcher-kva.example", "xn--bcher-kva.example")]
    [InlineData("sub-1.contoso.co.uk", "sub-1.contoso.co.uk")]
    public void Create_WhenDomainIsValid_ShouldStoreItNormalized(string domain, string expected)
    {
        var result = Organization.Create(domain, "Contoso", Now);

        Assert.True(result.IsSuccess, result.Error?.Description);
        Assert.Equal(expected, result.Value.Domain);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("contoso com")]
    [InlineData("contoso .com")]
    [InlineData("contoso")]
    [InlineData("-contoso.com")]
    [InlineData("contoso-.com")]
    [InlineData("contoso.-com")]
    [InlineData("con_toso.com")]
    [InlineData("contoso..com")]
    [InlineData(".contoso.com")]
    [InlineData("contoso.com/path")]
    [InlineData("user@contoso.com")]
    [InlineData("https://contoso.com")]
    public void Create_WhenDomainIsInvalid_ShouldFailWithInvalidDomain(string? domain)
    {
        var result = Organization.Create(domain, "Contoso", Now);

        Assert.True(result.IsFailure);
        Assert.Equal(InvalidDomainCode, result.Error!.Code);
        Assert.Equal(Common.ErrorKind.Validation, result.Error.Kind);
    }

    [Fact]
    public void Create_WhenLabelHas63Characters_ShouldSucceed()
    {
        var domain = $"{new string('a', 63)}.com";

        var result = Organization.Create(domain, "Contoso", Now);

        Assert.True(result.IsSuccess, result.Error?.Description);
    }

    [Fact]
    public void Create_WhenLabelHas64Characters_ShouldFailWithInvalidDomain()
    {
        var domain = $"{new string('a', 64)}.com";

        var result = Organization.Create(domain, "Contoso", Now);

        Assert.Equal(InvalidDomainCode, result.Error?.Code);
    }

    [Fact]
    public void Create_WhenDomainHas253Characters_ShouldSucceed()
    {
        var domain = DomainOfLength(253);

        var result = Organization.Create(domain, "Contoso", Now);

        Assert.True(result.IsSuccess, result.Error?.Description);
        Assert.Equal(253, result.Value.Domain.Length);
    }

    [Fact]
    public void Create_WhenDomainHas254Characters_ShouldFailWithInvalidDomain()
    {
        var domain = DomainOfLength(254);

        var result = Organization.Create(domain, "Contoso", Now);

        Assert.Equal(InvalidDomainCode, result.Error?.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_WhenNameIsMissing_ShouldFailWithNameRequired(string? name)
    {
        var result = Organization.Create("contoso.com", name, Now);

        Assert.Equal(OrganizationErrors.NameRequired, result.Error);
    }

    [Fact]
    public void Create_WhenNameIsTooLong_ShouldFailWithNameRequired()
    {
        var result = Organization.Create("contoso.com", new string('n', Organization.MaxNameLength + 1), Now);

        Assert.Equal(OrganizationErrors.NameRequired, result.Error);
    }

    [Fact]
    public void Create_WhenNameHasMaxLength_ShouldSucceed()
    {
        var name = new string('n', Organization.MaxNameLength);

        var result = Organization.Create("contoso.com", name, Now);

        Assert.Equal(name, result.Value.Name);
    }

    [Fact]
    public void Create_WhenValid_ShouldTrimNameAndStartWithDirectorySyncOff()
    {
        var result = Organization.Create("contoso.com", "  Contoso Ltd  ", Now);

        var organization = result.Value;
        Assert.Equal("Contoso Ltd", organization.Name);
        Assert.Equal(Now, organization.CreatedAt);
        Assert.NotEqual(Guid.Empty, organization.Id);
        Assert.False(organization.DirectorySyncEnabled);
        Assert.Null(organization.DirectorySyncEnabledAt);
        Assert.Null(organization.LastScimRequestAt);
        Assert.Empty(organization.Tokens);
        Assert.Empty(organization.DomainEvents);
    }

    [Fact]
    public void Create_WhenDomainAndNameAreBothInvalid_ShouldReportTheDomainFirst()
    {
        var result = Organization.Create("contoso", null, Now);

        Assert.Equal(InvalidDomainCode, result.Error?.Code);
    }

    /// <summary>Labels of 63 characters, joined by dots, cut to <paramref name="length"/> without a trailing dot.</summary>
    private static string DomainOfLength(int length)
    {
        var labels = new List<string>();
        var remaining = length;
        var letter = 'a';
        while (remaining > 0)
        {
            var labelLength = Math.Min(63, remaining);
            if (remaining - labelLength == 1)
            {
                // A single leftover character would have to be a dot; move one into the next label.
                labelLength--;
            }

            labels.Add(new string(letter++, labelLength));
            remaining -= labelLength + 1;
        }

        var domain = string.Join('.', labels);
        Assert.Equal(length, domain.Length);
        return domain;
    }
}
