using NSubstitute;
using ScimClean.Application.Audit;
using ScimClean.Application.DirectorySync.DisableDirectorySync;
using ScimClean.Application.Organizations;
using ScimClean.Application.UnitTests.TestSupport;
using ScimClean.Domain.Audit;
using ScimClean.Domain.Organizations;

namespace ScimClean.Application.UnitTests.DirectorySync;

public sealed class DisableDirectorySyncCommandHandlerTests
{
    private readonly IOrganizationRepository _organizations = Substitute.For<IOrganizationRepository>();
    private readonly IAuditTrail _audit = Substitute.For<IAuditTrail>();
    private readonly DisableDirectorySyncCommandHandler _handler;

    public DisableDirectorySyncCommandHandlerTests() =>
        _handler = new DisableDirectorySyncCommandHandler(_organizations, _audit, TestData.Clock());

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Handle_WhenEnabled_ShouldDropEveryTokenAndRaiseDisabled()
    {
        var organization = Given(TestData.EnabledOrganization());

        var result = await _handler.Handle(new DisableDirectorySyncCommand("CONTOSO.COM"), Ct);

        Assert.True(result.IsSuccess);
        Assert.False(organization.DirectorySyncEnabled);
        Assert.Empty(organization.Tokens);
        var raised = Assert.IsType<DirectorySyncDisabled>(Assert.Single(organization.DomainEvents));
        Assert.Equal(TestData.Start, raised.OccurredAt);
        _audit.Received(1).Record(AuditActions.DirectorySyncDisabled, "contoso.com", "contoso.com", "all tokens revoked");
    }

    [Fact]
    public async Task Handle_WhenNotEnabled_ShouldFailWithNotEnabled()
    {
        Given(TestData.Organization());

        var result = await _handler.Handle(new DisableDirectorySyncCommand("contoso.com"), Ct);

        Assert.Equal(OrganizationErrors.DirectorySyncNotEnabled, result.Error);
        _audit.DidNotReceiveWithAnyArgs().Record(default!, default, default, default);
    }

    [Fact]
    public async Task Handle_WhenOrganizationIsUnknown_ShouldFailWithNotFound()
    {
        var result = await _handler.Handle(new DisableDirectorySyncCommand("unknown.example"), Ct);

        Assert.Equal(OrganizationErrors.NotFound("unknown.example"), result.Error);
    }

    private Organization Given(Organization organization)
    {
        _organizations.FindByDomainAsync(organization.Domain, Arg.Any<CancellationToken>()).Returns(organization);
        return organization;
    }
}
