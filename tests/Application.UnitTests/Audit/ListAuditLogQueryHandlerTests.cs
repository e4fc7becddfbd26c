using NSubstitute;
using ScimClean.Application.Audit;
using ScimClean.Application.Audit.ListAuditLog;
using ScimClean.Application.Audit.ListOrganizationAuditLog;
using ScimClean.Application.Organizations;
using ScimClean.Application.UnitTests.TestSupport;
using ScimClean.Domain.Audit;
using ScimClean.Domain.Organizations;
using ScimClean.Application.Common.Paging;

namespace ScimClean.Application.UnitTests.Audit;

public sealed class ListAuditLogQueryHandlerTests
{
    private readonly IAuditLogQueries _queries = Substitute.For<IAuditLogQueries>();
    private readonly IOrganizationRepository _organizations = Substitute.For<IOrganizationRepository>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Handle_WhenMoreEntriesThanTheLimit_ShouldReturnAPageAndACursor()
    {
        _queries.ListAsync(null, "contoso.com", "webhook.*", 3, Arg.Any<CancellationToken>()).Returns(Entries(3));
        var handler = new ListAuditLogQueryHandler(_queries);

        var result = await handler.Handle(new ListAuditLogQuery(null, 2, "Contoso.COM", "webhook.*"), Ct);

        Assert.True(result.IsSuccess);
        Assert.Equal(2, result.Value.Data.Count);
        Assert.True(result.Value.HasMore);
        Assert.Equal(PositionCursor.Encode(0), result.Value.NextCursor);
    }

    [Fact]
    public async Task Handle_WhenTheLastPage_ShouldHaveNoCursor()
    {
        _queries.ListAsync(null, null, null, 101, Arg.Any<CancellationToken>()).Returns(Entries(1));
        var handler = new ListAuditLogQueryHandler(_queries);

        var result = await handler.Handle(new ListAuditLogQuery(null, null, null, null), Ct);

        Assert.Single(result.Value.Data);
        Assert.False(result.Value.HasMore);
        Assert.Null(result.Value.NextCursor);
    }

    [Fact]
    public async Task Handle_WithACursor_ShouldReadBeforeItsPosition()
    {
        _queries.ListAsync(41, null, null, 11, Arg.Any<CancellationToken>()).Returns(Entries(0));
        var handler = new ListAuditLogQueryHandler(_queries);

        var result = await handler.Handle(new ListAuditLogQuery(PositionCursor.Encode(41), 10, null, null), Ct);

        Assert.True(result.IsSuccess);
        await _queries.Received(1).ListAsync(41, null, null, 11, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_WhenTheOrganizationDoesNotExist_ShouldFailWithNotFoundWithoutReading()
    {
        var handler = new ListOrganizationAuditLogQueryHandler(_organizations, _queries);

        var result = await handler.Handle(new ListOrganizationAuditLogQuery("unknown.example", null, null, null), Ct);

        Assert.Equal(OrganizationErrors.NotFound("unknown.example"), result.Error);
        await _queries.DidNotReceiveWithAnyArgs().ListAsync(default, default, default, default, Ct);
    }

    [Fact]
    public async Task Handle_WhenTheOrganizationExists_ShouldReadOnlyItsEntries()
    {
        _organizations.DomainExistsAsync("contoso.com", Arg.Any<CancellationToken>()).Returns(true);
        _queries.ListAsync(null, "contoso.com", null, 101, Arg.Any<CancellationToken>()).Returns(Entries(1));
        var handler = new ListOrganizationAuditLogQueryHandler(_organizations, _queries);

        var result = await handler.Handle(new ListOrganizationAuditLogQuery("CONTOSO.com", null, null, null), Ct);

        Assert.Equal("contoso.com", Assert.Single(result.Value.Data).Organization);
    }

    // Positions are assigned by the database; entries built in memory all have position 0.
    private static IReadOnlyList<AuditEntry> Entries(int count) =>
        Enumerable.Range(0, count)
            .Select(_ => AuditEntry.Record(
                AuditActions.WebhookEndpointDeleted, "admin", "contoso.com", Guid.NewGuid().ToString(), null, TestData.Start).Value)
            .ToList();
}
