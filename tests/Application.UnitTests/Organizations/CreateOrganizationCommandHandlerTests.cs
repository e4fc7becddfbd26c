using NSubstitute;
using ScimClean.Application.Audit;
using ScimClean.Application.Organizations;
using ScimClean.Application.Organizations.CreateOrganization;
using ScimClean.Application.UnitTests.TestSupport;
using ScimClean.Domain.Audit;
using ScimClean.Domain.Organizations;

namespace ScimClean.Application.UnitTests.Organizations;

public sealed class CreateOrganizationCommandHandlerTests
{
    private readonly IOrganizationRepository _organizations = Substitute.For<IOrganizationRepository>();
    private readonly IAuditTrail _audit = Substitute.For<IAuditTrail>();
    private readonly CreateOrganizationCommandHandler _handler;

    public CreateOrganizationCommandHandlerTests() =>
        _handler = new CreateOrganizationCommandHandler(_organizations, _audit, TestData.Clock());

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Handle_WhenDomainIsFree_ShouldAddTheOrganizationAndReturnIt()
    {
        var result = await _handler.Handle(new CreateOrganizationCommand("Contoso.COM", "Contoso"), Ct);

        Assert.True(result.IsSuccess);
        Assert.Equal("contoso.com", result.Value.Domain);
        Assert.Equal("Contoso", result.Value.Name);
        Assert.Equal(TestData.Start, result.Value.CreatedAt);
        Assert.False(result.Value.DirectorySyncEnabled);
        _organizations.Received(1).Add(Arg.Is<Organization>(organization =>
            organization.Domain == "contoso.com" && organization.Id == result.Value.Id));
        _audit.Received(1).Record(AuditActions.OrganizationCreated, "contoso.com", "contoso.com", "name: Contoso");
    }

    [Fact]
    public async Task Handle_WhenDomainIsTaken_ShouldFailWithDomainTakenAndAddNothing()
    {
        _organizations.DomainExistsAsync("contoso.com", Arg.Any<CancellationToken>()).Returns(true);

        var result = await _handler.Handle(new CreateOrganizationCommand("CONTOSO.com.", "Contoso"), Ct);

        Assert.Equal(OrganizationErrors.DomainTaken("contoso.com"), result.Error);
        _organizations.DidNotReceive().Add(Arg.Any<Organization>());
        _audit.DidNotReceiveWithAnyArgs().Record(default!, default, default, default);
    }

    [Fact]
    public async Task Handle_WhenDomainIsInvalid_ShouldFailWithoutAskingTheRepository()
    {
        var result = await _handler.Handle(new CreateOrganizationCommand("contoso", "Contoso"), Ct);

        Assert.Equal("organization.invalid_domain", result.Error?.Code);
        await _organizations.DidNotReceive().DomainExistsAsync(Arg.Any<string>(), Arg.Any<CancellationToken>());
        _organizations.DidNotReceiveWithAnyArgs().Add(default!);
    }

    [Fact]
    public async Task Handle_ShouldCheckUniquenessWithTheNormalizedDomain()
    {
        await _handler.Handle(new CreateOrganizationCommand("Bücher.example", "Bücher"), Ct);

        await _organizations.Received(1).DomainExistsAsync("xn--bcher-kva.example", Ct);
    }
}
