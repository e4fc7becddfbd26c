using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using ScimClean.Application.Common.Security;
using ScimClean.Application.DirectorySync.AuthenticateDirectory;
using ScimClean.Application.Organizations;
using ScimClean.Application.UnitTests.TestSupport;
using ScimClean.Domain.Common;
using ScimClean.Domain.Organizations;

namespace ScimClean.Application.UnitTests.DirectorySync;

public sealed class AuthenticateDirectoryCommandHandlerTests
{
    private const string Token = "scim_current";
    private readonly IOrganizationRepository _organizations = Substitute.For<IOrganizationRepository>();
    private readonly ISecretHasher _hasher = FakeHasher.Create();
    private readonly FakeTimeProvider _clock = TestData.Clock();
    private readonly DirectoryCredentialCache _cache;
    private readonly AuthenticateDirectoryCommandHandler _handler;

    public AuthenticateDirectoryCommandHandlerTests()
    {
        _cache = new DirectoryCredentialCache(_hasher, _clock);
        _handler = new AuthenticateDirectoryCommandHandler(_organizations, _hasher, _cache, _clock);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Handle_WhenTokenIsRight_ShouldReturnThePrincipalAndRecordTheRequest()
    {
        var organization = Given(TestData.EnabledOrganization(Token));
        _clock.Advance(TimeSpan.FromMinutes(3));

        var result = await _handler.Handle(new AuthenticateDirectoryCommand("Contoso.com", Token), Ct);

        Assert.True(result.IsSuccess);
        Assert.Equal(new DirectoryPrincipal(organization.Id, "contoso.com"), result.Value);
        Assert.Equal(_clock.GetUtcNow(), organization.LastScimRequestAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public async Task Handle_WhenTokenIsMissing_ShouldFailWithoutLookingUpTheOrganization(string? token)
    {
        Given(TestData.EnabledOrganization(Token));

        var result = await _handler.Handle(new AuthenticateDirectoryCommand("contoso.com", token!), Ct);

        AssertInvalidCredentials(result);
        await _organizations.DidNotReceive().FindByDomainAsync(Arg.Any<string>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_WhenOrganizationIsUnknown_ShouldFailWithTheSameError()
    {
        var result = await _handler.Handle(new AuthenticateDirectoryCommand("unknown.example", Token), Ct);

        AssertInvalidCredentials(result);
    }

    [Fact]
    public async Task Handle_WhenDomainIsMalformed_ShouldFailWithTheSameError()
    {
        var result = await _handler.Handle(new AuthenticateDirectoryCommand("not a domain", Token), Ct);

        AssertInvalidCredentials(result);
    }

    [Fact]
    public async Task Handle_WhenTokenIsWrong_ShouldFailWithTheSameErrorAndRecordNothing()
    {
        var organization = Given(TestData.EnabledOrganization(Token));

        var result = await _handler.Handle(new AuthenticateDirectoryCommand("contoso.com", "scim_wrong"), Ct);

        AssertInvalidCredentials(result);
        Assert.Null(organization.LastScimRequestAt);
    }

    [Fact]
    public async Task Handle_WhenTokenBelongsToAnotherOrganization_ShouldFailWithTheSameError()
    {
        Given(TestData.EnabledOrganization("scim_contoso", domain: "contoso.com"));
        Given(TestData.EnabledOrganization("scim_fabrikam", domain: "fabrikam.com"));

        var result = await _handler.Handle(new AuthenticateDirectoryCommand("contoso.com", "scim_fabrikam"), Ct);

        AssertInvalidCredentials(result);
    }

    [Fact]
    public async Task Handle_WhenDirectorySyncIsDisabled_ShouldFailWithTheSameError()
    {
        var organization = Given(TestData.EnabledOrganization(Token));
        organization.DisableDirectorySync(TestData.Start);

        var result = await _handler.Handle(new AuthenticateDirectoryCommand("contoso.com", Token), Ct);

        AssertInvalidCredentials(result);
    }

    [Fact]
    public async Task Handle_WhenRotatedTokenIsWithinItsGracePeriod_ShouldSucceed()
    {
        var organization = Given(TestData.EnabledOrganization("scim_old"));
        organization.RotateToken(FakeHasher.HashOf("scim_new"), TimeSpan.FromHours(1), TestData.Start);
        _clock.Advance(TimeSpan.FromMinutes(59));

        var old = await _handler.Handle(new AuthenticateDirectoryCommand("contoso.com", "scim_old"), Ct);
        var current = await _handler.Handle(new AuthenticateDirectoryCommand("contoso.com", "scim_new"), Ct);

        Assert.True(old.IsSuccess);
        Assert.True(current.IsSuccess);
    }

    [Fact]
    public async Task Handle_WhenRotatedTokenHasExpired_ShouldFailWithTheSameError()
    {
        var organization = Given(TestData.EnabledOrganization("scim_old"));
        organization.RotateToken(FakeHasher.HashOf("scim_new"), TimeSpan.FromHours(1), TestData.Start);
        _clock.Advance(TimeSpan.FromHours(1));

        var old = await _handler.Handle(new AuthenticateDirectoryCommand("contoso.com", "scim_old"), Ct);
        var current = await _handler.Handle(new AuthenticateDirectoryCommand("contoso.com", "scim_new"), Ct);

        AssertInvalidCredentials(old);
        Assert.True(current.IsSuccess);
    }

    [Fact]
    public async Task Handle_WhenTokenIsRight_ShouldRememberItForTheCache()
    {
        var organization = Given(TestData.EnabledOrganization(Token));

        await _handler.Handle(new AuthenticateDirectoryCommand("contoso.com", Token), Ct);

        Assert.True(_cache.TryGet("contoso.com", Token, out var cached));
        Assert.Equal(new DirectoryPrincipal(organization.Id, "contoso.com"), cached);
    }

    [Fact]
    public async Task Handle_WhenTokenIsWrong_ShouldRememberNothing()
    {
        Given(TestData.EnabledOrganization(Token));

        await _handler.Handle(new AuthenticateDirectoryCommand("contoso.com", "scim_wrong"), Ct);

        Assert.False(_cache.TryGet("contoso.com", "scim_wrong", out _));
        Assert.False(_cache.TryGet("contoso.com", Token, out _));
    }

    [Fact]
    public async Task Handle_WhenRotatedTokenExpiresBeforeTheCacheLifetime_ShouldNotBeCachedPastItsExpiry()
    {
        var organization = Given(TestData.EnabledOrganization("scim_old"));
        organization.RotateToken(FakeHasher.HashOf("scim_new"), TimeSpan.FromSeconds(2), TestData.Start);

        var old = await _handler.Handle(new AuthenticateDirectoryCommand("contoso.com", "scim_old"), Ct);
        _clock.Advance(TimeSpan.FromSeconds(2));

        Assert.True(old.IsSuccess);
        Assert.False(_cache.TryGet("contoso.com", "scim_old", out _));
    }

    [Fact]
    public async Task Handle_WhenCredentialsChangeDuringTheCheck_ShouldNotCacheTheStaleResult()
    {
        var organization = TestData.EnabledOrganization(Token);
        _organizations.FindByDomainAsync(organization.Domain, Arg.Any<CancellationToken>())
            .Returns(_ =>
            {
                // A rotation commits after this check read its generation, before it finishes.
                _cache.Invalidate();
                return organization;
            });

        var result = await _handler.Handle(new AuthenticateDirectoryCommand("contoso.com", Token), Ct);

        Assert.True(result.IsSuccess);
        Assert.False(_cache.TryGet("contoso.com", Token, out _));
    }

    private Organization Given(Organization organization)
    {
        _organizations.FindByDomainAsync(organization.Domain, Arg.Any<CancellationToken>()).Returns(organization);
        return organization;
    }

    /// <summary>Every failure looks the same, so a caller learns nothing about which organizations exist.</summary>
    private static void AssertInvalidCredentials(Result<DirectoryPrincipal> result)
    {
        Assert.True(result.IsFailure);
        Assert.Same(DirectoryAuthenticationErrors.InvalidCredentials, result.Error);
        Assert.Equal("directory.unauthorized", result.Error!.Code);
        Assert.Equal(ErrorKind.Unauthorized, result.Error.Kind);
    }
}
