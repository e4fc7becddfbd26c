using NSubstitute;
using ScimClean.Application.Audit;
using ScimClean.Application.Common.Security;
using ScimClean.Application.DirectorySync.RotateDirectoryToken;
using ScimClean.Application.Organizations;
using ScimClean.Application.UnitTests.TestSupport;
using ScimClean.Domain.Audit;
using ScimClean.Domain.Organizations;

namespace ScimClean.Application.UnitTests.DirectorySync;

public sealed class RotateDirectoryTokenCommandHandlerTests
{
    private const string NewToken = "scim_new";
    private readonly IOrganizationRepository _organizations = Substitute.For<IOrganizationRepository>();
    private readonly ISecretGenerator _secrets = Substitute.For<ISecretGenerator>();
    private readonly IAuditTrail _audit = Substitute.For<IAuditTrail>();
    private readonly RotateDirectoryTokenCommandHandler _handler;

    public RotateDirectoryTokenCommandHandlerTests()
    {
        _secrets.NewToken("scim_").Returns(NewToken);
        _handler = new RotateDirectoryTokenCommandHandler(_organizations, _secrets, FakeHasher.Create(), _audit, TestData.Clock());
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Handle_WhenRotated_ShouldRecordOneAuditEntryWithoutTheToken()
    {
        Given(TestData.EnabledOrganization("scim_old"));

        await _handler.Handle(Rotate(gracePeriodSeconds: 3600), Ct);

        _audit.Received(1).Record(
            AuditActions.DirectoryTokenRotated, "contoso.com", "contoso.com", "previous token valid for 3600 s");
        Assert.DoesNotContain(_audit.ReceivedCalls().SelectMany(call => call.GetArguments()), argument =>
            argument is string text && (text.Contains(NewToken, StringComparison.Ordinal) || text.Contains("scim_old", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Handle_WhenOrganizationIsUnknown_ShouldRecordNothing()
    {
        await _handler.Handle(Rotate(gracePeriodSeconds: 0), Ct);

        _audit.DidNotReceiveWithAnyArgs().Record(default!, default, default, default);
    }

    [Fact]
    public async Task Handle_WithGracePeriod_ShouldReturnNewTokenAndWhenTheOldOneExpires()
    {
        var organization = Given(TestData.EnabledOrganization("scim_old"));

        var result = await _handler.Handle(Rotate(gracePeriodSeconds: 3600), Ct);

        Assert.True(result.IsSuccess);
        Assert.Equal(NewToken, result.Value.SecretToken);
        Assert.Equal("https://scim.example.test/org/contoso.com/scim/v2", result.Value.ScimBaseUrl);
        Assert.Equal(TestData.Start.AddHours(1), result.Value.PreviousTokenExpiresAt);
        Assert.Equal(
            [FakeHasher.HashOf("scim_old"), FakeHasher.HashOf(NewToken)],
            organization.ValidTokens(TestData.Start.AddMinutes(59)).Select(token => token.TokenHash));
    }

    [Fact]
    public async Task Handle_WithZeroGrace_ShouldRevokeTheOldTokenAtOnce()
    {
        var organization = Given(TestData.EnabledOrganization("scim_old"));

        var result = await _handler.Handle(Rotate(gracePeriodSeconds: 0), Ct);

        Assert.Equal(TestData.Start, result.Value.PreviousTokenExpiresAt);
        Assert.Equal(
            [FakeHasher.HashOf(NewToken)],
            organization.ValidTokens(TestData.Start).Select(token => token.TokenHash));
    }

    [Fact]
    public async Task Handle_WhenNotEnabled_ShouldFailWithNotEnabled()
    {
        Given(TestData.Organization());

        var result = await _handler.Handle(Rotate(), Ct);

        Assert.Equal(OrganizationErrors.DirectorySyncNotEnabled, result.Error);
    }

    [Fact]
    public async Task Handle_WhenGraceIsOutOfRange_ShouldFailWithTheDomainError()
    {
        Given(TestData.EnabledOrganization());

        var result = await _handler.Handle(Rotate(gracePeriodSeconds: RotateDirectoryTokenCommandValidator.MaxGracePeriodSeconds + 1), Ct);

        Assert.Equal(OrganizationErrors.GracePeriodOutOfRange, result.Error);
    }

    [Fact]
    public async Task Handle_WhenOrganizationIsUnknown_ShouldFailWithNotFound()
    {
        var result = await _handler.Handle(Rotate(domain: "unknown.example"), Ct);

        Assert.Equal(OrganizationErrors.NotFound("unknown.example"), result.Error);
    }

    private static RotateDirectoryTokenCommand Rotate(string domain = "contoso.com", int gracePeriodSeconds = 0) =>
        new(domain, TestData.PublicBaseUrl, gracePeriodSeconds);

    private Organization Given(Organization organization)
    {
        _organizations.FindByDomainAsync(organization.Domain, Arg.Any<CancellationToken>()).Returns(organization);
        return organization;
    }
}
