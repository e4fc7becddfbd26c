using ScimClean.Domain.Organizations;

namespace ScimClean.Domain.UnitTests.Organizations;

public sealed class OrganizationDirectorySyncTests
{
    private static readonly DateTimeOffset Now = OrganizationFactory.Now;

    [Fact]
    public void EnableDirectorySync_WhenDisabled_ShouldIssueOneTokenAndRaiseEnabled()
    {
        var organization = OrganizationFactory.Create();

        var result = organization.EnableDirectorySync("hash-1", Now);

        Assert.True(result.IsSuccess);
        Assert.True(organization.DirectorySyncEnabled);
        Assert.Equal(Now, organization.DirectorySyncEnabledAt);
        var token = Assert.Single(organization.Tokens);
        Assert.Equal("hash-1", token.TokenHash);
        Assert.Equal(Now, token.CreatedAt);
        Assert.Null(token.ExpiresAt);
        var raised = Assert.IsType<DirectorySyncEnabled>(Assert.Single(organization.DomainEvents));
        Assert.Equal(new DirectorySyncEnabled(organization.Id, "contoso.com", Now), raised);
    }

    [Fact]
    public void EnableDirectorySync_WhenAlreadyEnabled_ShouldFailAndKeepTheToken()
    {
        var organization = OrganizationFactory.CreateEnabled(tokenHash: "hash-1");

        var result = organization.EnableDirectorySync("hash-2", Now.AddMinutes(5));

        Assert.Equal(OrganizationErrors.DirectorySyncAlreadyEnabled, result.Error);
        Assert.Equal("hash-1", Assert.Single(organization.Tokens).TokenHash);
        Assert.Equal(Now, organization.DirectorySyncEnabledAt);
        Assert.Empty(organization.DomainEvents);
    }

    [Fact]
    public void EnableDirectorySync_AfterDisable_ShouldStartAgainWithOnlyTheNewToken()
    {
        var organization = OrganizationFactory.CreateEnabled(tokenHash: "hash-1");
        organization.DisableDirectorySync(Now.AddHours(1));

        var result = organization.EnableDirectorySync("hash-2", Now.AddHours(2));

        Assert.True(result.IsSuccess);
        Assert.Equal("hash-2", Assert.Single(organization.ValidTokens(Now.AddHours(2))).TokenHash);
    }

    [Fact]
    public void RotateToken_WithGracePeriod_ShouldKeepOldTokenValidUntilNowPlusGrace()
    {
        var organization = OrganizationFactory.CreateEnabled(tokenHash: "old");
        var rotatedAt = Now.AddDays(1);
        var grace = TimeSpan.FromHours(1);

        var result = organization.RotateToken("new", grace, rotatedAt);

        Assert.True(result.IsSuccess);
        var old = organization.Tokens.Single(token => token.TokenHash == "old");
        Assert.Equal(rotatedAt + grace, old.ExpiresAt);
        Assert.Equal(["old", "new"], HashesValidAt(organization, rotatedAt));
        Assert.Equal(["old", "new"], HashesValidAt(organization, rotatedAt + grace - TimeSpan.FromTicks(1)));
        Assert.Equal(["new"], HashesValidAt(organization, rotatedAt + grace));
    }

    [Fact]
    public void RotateToken_WithZeroGrace_ShouldRevokeOldTokenAtOnce()
    {
        var organization = OrganizationFactory.CreateEnabled(tokenHash: "old");

        var result = organization.RotateToken("new", TimeSpan.Zero, Now);

        Assert.True(result.IsSuccess);
        Assert.Equal(["new"], HashesValidAt(organization, Now));
    }

    [Fact]
    public void RotateToken_WithSevenDaysGrace_ShouldSucceed()
    {
        var organization = OrganizationFactory.CreateEnabled();

        var result = organization.RotateToken("new", TimeSpan.FromDays(7), Now);

        Assert.True(result.IsSuccess);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(7 * 24 * 60 * 60 + 1)]
    public void RotateToken_WhenGraceIsOutOfRange_ShouldFailAndChangeNothing(int graceSeconds)
    {
        var organization = OrganizationFactory.CreateEnabled(tokenHash: "old");

        var result = organization.RotateToken("new", TimeSpan.FromSeconds(graceSeconds), Now);

        Assert.Equal(OrganizationErrors.GracePeriodOutOfRange, result.Error);
        var token = Assert.Single(organization.Tokens);
        Assert.Equal("old", token.TokenHash);
        Assert.Null(token.ExpiresAt);
    }

    [Fact]
    public void RotateToken_WhenNotEnabled_ShouldFailWithNotEnabled()
    {
        var organization = OrganizationFactory.Create();

        var result = organization.RotateToken("new", TimeSpan.Zero, Now);

        Assert.Equal(OrganizationErrors.DirectorySyncNotEnabled, result.Error);
        Assert.Empty(organization.Tokens);
    }

    [Fact]
    public void RotateToken_Twice_ShouldDropExpiredTokensAndNeverExtendAnEarlierExpiry()
    {
        var organization = OrganizationFactory.CreateEnabled(tokenHash: "first");
        organization.RotateToken("second", TimeSpan.FromMinutes(10), Now);

        organization.RotateToken("third", TimeSpan.FromHours(1), Now.AddMinutes(5));

        var first = organization.Tokens.Single(token => token.TokenHash == "first");
        var second = organization.Tokens.Single(token => token.TokenHash == "second");
        Assert.Equal(Now.AddMinutes(10), first.ExpiresAt);
        Assert.Equal(Now.AddMinutes(65), second.ExpiresAt);

        organization.RotateToken("fourth", TimeSpan.Zero, Now.AddMinutes(20));

        Assert.DoesNotContain(organization.Tokens, token => token.TokenHash == "first");
        Assert.Equal(["fourth"], HashesValidAt(organization, Now.AddMinutes(20)));
    }

    [Fact]
    public void RotateToken_ShouldNotRaiseEvents()
    {
        var organization = OrganizationFactory.CreateEnabled();

        organization.RotateToken("new", TimeSpan.Zero, Now);

        Assert.Empty(organization.DomainEvents);
    }

    [Fact]
    public void DisableDirectorySync_WhenEnabled_ShouldDropEveryTokenAndRaiseDisabled()
    {
        var organization = OrganizationFactory.CreateEnabled(tokenHash: "old");
        organization.RotateToken("new", TimeSpan.FromHours(1), Now);
        var disabledAt = Now.AddMinutes(1);

        var result = organization.DisableDirectorySync(disabledAt);

        Assert.True(result.IsSuccess);
        Assert.False(organization.DirectorySyncEnabled);
        Assert.Null(organization.DirectorySyncEnabledAt);
        Assert.Empty(organization.Tokens);
        Assert.Empty(organization.ValidTokens(disabledAt));
        var raised = Assert.IsType<DirectorySyncDisabled>(Assert.Single(organization.DomainEvents));
        Assert.Equal(new DirectorySyncDisabled(organization.Id, "contoso.com", disabledAt), raised);
    }

    [Fact]
    public void DisableDirectorySync_WhenNotEnabled_ShouldFailWithNotEnabled()
    {
        var organization = OrganizationFactory.Create();

        var result = organization.DisableDirectorySync(Now);

        Assert.Equal(OrganizationErrors.DirectorySyncNotEnabled, result.Error);
        Assert.Empty(organization.DomainEvents);
    }

    [Fact]
    public void RecordScimRequest_WhenFirst_ShouldRecordIt()
    {
        var organization = OrganizationFactory.CreateEnabled();

        organization.RecordScimRequest(Now);

        Assert.Equal(Now, organization.LastScimRequestAt);
    }

    [Fact]
    public void RecordScimRequest_WithinAMinute_ShouldKeepTheEarlierTime()
    {
        var organization = OrganizationFactory.CreateEnabled();
        organization.RecordScimRequest(Now);

        organization.RecordScimRequest(Now.AddSeconds(59));

        Assert.Equal(Now, organization.LastScimRequestAt);
    }

    [Fact]
    public void RecordScimRequest_AfterAMinute_ShouldUpdate()
    {
        var organization = OrganizationFactory.CreateEnabled();
        organization.RecordScimRequest(Now);
        organization.RecordScimRequest(Now.AddSeconds(30));

        organization.RecordScimRequest(Now.AddMinutes(1));

        Assert.Equal(Now.AddMinutes(1), organization.LastScimRequestAt);
    }

    [Fact]
    public void ValidTokens_WhenDisabled_ShouldBeEmpty()
    {
        var organization = OrganizationFactory.Create();

        Assert.Empty(organization.ValidTokens(Now));
    }

    [Fact]
    public void ValidTokens_WhenEnabled_ShouldReturnTheUnexpiredTokens()
    {
        var organization = OrganizationFactory.CreateEnabled(tokenHash: "old");
        organization.RotateToken("new", TimeSpan.FromMinutes(5), Now);

        Assert.Equal(["old", "new"], HashesValidAt(organization, Now.AddMinutes(4)));
        Assert.Equal(["new"], HashesValidAt(organization, Now.AddMinutes(5)));
        Assert.Equal(["new"], HashesValidAt(organization, Now.AddYears(10)));
    }

    private static string[] HashesValidAt(Organization organization, DateTimeOffset at) =>
        organization.ValidTokens(at).Select(token => token.TokenHash).ToArray();
}
