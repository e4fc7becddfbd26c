using NSubstitute;
using ScimClean.Application.Audit;
using ScimClean.Application.Common.Security;
using ScimClean.Application.DirectorySync.EnableDirectorySync;
using ScimClean.Application.Organizations;
using ScimClean.Application.UnitTests.TestSupport;
using ScimClean.Domain.Audit;
using ScimClean.Domain.Organizations;

namespace ScimClean.Application.UnitTests.DirectorySync;

public sealed class EnableDirectorySyncCommandHandlerTests
{
    private const string NewToken = "scim_generated";
    private readonly IOrganizationRepository _organizations = Substitute.For<IOrganizationRepository>();
    private readonly ISecretGenerator _secrets = Substitute.For<ISecretGenerator>();
    private readonly IAuditTrail _audit = Substitute.For<IAuditTrail>();
    private readonly EnableDirectorySyncCommandHandler _handler;

    public EnableDirectorySyncCommandHandlerTests()
    {
        _secrets.NewToken("scim_").Returns(NewToken);
        _handler = new EnableDirectorySyncCommandHandler(_organizations, _secrets, FakeHasher.Create(), _audit, TestData.Clock());
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Handle_WhenEnabled_ShouldRecordOneAuditEntry()
    {
        var organization = TestData.Organization();
        _organizations.FindByDomainAsync("contoso.com", Arg.Any<CancellationToken>()).Returns(organization);

        await _handler.Handle(new EnableDirectorySyncCommand("contoso.com", TestData.PublicBaseUrl), Ct);

        _audit.Received(1).Record(AuditActions.DirectorySyncEnabled, "contoso.com", "contoso.com", "token issued");
    }

    [Fact]
    public async Task Handle_WhenAlreadyEnabled_ShouldRecordNothing()
    {
        var organization = TestData.EnabledOrganization();
        _organizations.FindByDomainAsync("contoso.com", Arg.Any<CancellationToken>()).Returns(organization);

        var result = await _handler.Handle(new EnableDirectorySyncCommand("contoso.com", TestData.PublicBaseUrl), Ct);

        Assert.True(result.IsFailure);
        _audit.DidNotReceiveWithAnyArgs().Record(default!, default, default, default);
    }

    [Fact]
    public async Task Handle_WhenDisabled_ShouldStoreOnlyTheHashAndReturnTheTokenOnce()
    {
        var organization = Given(TestData.Organization());

        var result = await _handler.Handle(new EnableDirectorySyncCommand("Contoso.com", TestData.PublicBaseUrl), Ct);

        Assert.True(result.IsSuccess);
        var credentials = result.Value;
        Assert.Equal("https://scim.example.test/org/contoso.com/scim/v2", credentials.ScimBaseUrl);
        Assert.Equal(NewToken, credentials.SecretToken);
        Assert.Equal(TestData.Start, credentials.CreatedAt);
        Assert.Null(credentials.PreviousTokenExpiresAt);
        Assert.True(organization.DirectorySyncEnabled);
        Assert.Equal(FakeHasher.HashOf(NewToken), Assert.Single(organization.Tokens).TokenHash);
        Assert.IsType<DirectorySyncEnabled>(Assert.Single(organization.DomainEvents));
    }

    [Fact]
    public async Task Handle_WhenAlreadyEnabled_ShouldFailWithAlreadyEnabled()
    {
        var organization = Given(TestData.EnabledOrganization("scim_current"));

        var result = await _handler.Handle(new EnableDirectorySyncCommand("contoso.com", TestData.PublicBaseUrl), Ct);

        Assert.Equal(OrganizationErrors.DirectorySyncAlreadyEnabled, result.Error);
        Assert.Equal(FakeHasher.HashOf("scim_current"), Assert.Single(organization.Tokens).TokenHash);
    }

    [Fact]
    public async Task Handle_WhenOrganizationIsUnknown_ShouldFailWithNotFound()
    {
        var result = await _handler.Handle(new EnableDirectorySyncCommand("unknown.example", TestData.PublicBaseUrl), Ct);

        Assert.Equal(OrganizationErrors.NotFound("unknown.example"), result.Error);
        _secrets.DidNotReceiveWithAnyArgs().NewToken(default!);
    }

    private Organization Given(Organization organization)
    {
        _organizations.FindByDomainAsync(organization.Domain, Arg.Any<CancellationToken>()).Returns(organization);
        return organization;
    }
}
