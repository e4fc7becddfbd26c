using NSubstitute;
using ScimClean.Application.Audit;
using ScimClean.Application.UnitTests.TestSupport;
using ScimClean.Application.Webhooks;
using ScimClean.Application.Webhooks.ReplayWebhookEvents;
using ScimClean.Domain.Audit;
using ScimClean.Domain.Webhooks;

namespace ScimClean.Application.UnitTests.Webhooks;

/// <summary>A replay reads its events page by page and writes each page's deliveries at once, in event order.</summary>
public sealed class ReplayWebhookEventsCommandHandlerTests
{
    private const int PageSize = ReplayWebhookEventsCommandHandler.PageSize;

    private readonly IWebhookEndpointRepository _endpoints = Substitute.For<IWebhookEndpointRepository>();
    private readonly IWebhookEventRepository _events = Substitute.For<IWebhookEventRepository>();
    private readonly IWebhookDeliveryRepository _deliveries = Substitute.For<IWebhookDeliveryRepository>();
    private readonly IWebhookDispatchNotifier _dispatcher = Substitute.For<IWebhookDispatchNotifier>();
    private readonly IAuditTrail _audit = Substitute.For<IAuditTrail>();
    private readonly List<WebhookDelivery> _written = [];
    private readonly List<int> _writeSizes = [];
    private readonly WebhookEndpoint _endpoint =
        WebhookEndpoint.Create("https://app.example/hooks", ["user.*"], ["contoso.com"], "secret", TestData.Start);

    public ReplayWebhookEventsCommandHandlerTests()
    {
        _endpoints.FindAsync(_endpoint.Id, Arg.Any<CancellationToken>()).Returns(_endpoint);
        _deliveries.QueueNowAsync(Arg.Any<IReadOnlyCollection<WebhookDelivery>>(), Arg.Any<CancellationToken>())
            .Returns(Task.CompletedTask)
            .AndDoes(call =>
            {
                var page = call.Arg<IReadOnlyCollection<WebhookDelivery>>();
                _writeSizes.Add(page.Count);
                _written.AddRange(page);
            });
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Handle_MoreEventsThanAPage_ShouldWriteEachPagesSubscribedDeliveriesInEventOrder()
    {
        // Positions 1..2,500 with gaps; every third event is another organization's, every fifth a group event.
        var stored = Enumerable.Range(1, 2_500)
            .Select(index => new ReplayableEvent(
                $"evt_{index}",
                index * 2L,
                index % 5 == 0 ? "group.created" : "user.updated",
                index % 3 == 0 ? "fabrikam.com" : "contoso.com",
                Guid.NewGuid()))
            .ToList();
        var since = TestData.Start.AddDays(-1);
        var now = TestData.Start;
        var pagesAsked = new List<long>();
        _events.ListOccurredBetweenAsync(since, now, Arg.Any<long>(), PageSize, Arg.Any<CancellationToken>())
            .Returns(call =>
            {
                var after = call.ArgAt<long>(2);
                pagesAsked.Add(after);
                return stored.Where(item => item.Position > after).Take(PageSize).ToList();
            });

        var result = await Handler().Handle(new ReplayWebhookEventsCommand(_endpoint.Id, since), Ct);

        var expected = stored.Where(item => item.Type.StartsWith("user.", StringComparison.Ordinal) && item.Organization == "contoso.com").ToList();
        Assert.Equal(expected.Count, result.Value.Queued);
        Assert.Equal([long.MinValue, 2_000, 4_000], pagesAsked);
        Assert.Equal(3, _writeSizes.Count);
        Assert.All(_writeSizes, size => Assert.InRange(size, 1, PageSize));
        Assert.Equal(expected.Select(item => item.Id), _written.Select(delivery => delivery.EventId));
        Assert.All(_written, delivery => Assert.Equal((_endpoint.Id, now, DeliveryStatus.Pending), (delivery.EndpointId, delivery.CreatedAt, delivery.Status)));
        _dispatcher.Received(1).NotifyAfterCommit();
        _audit.Received(1).Record(
            Arg.Is(AuditActions.WebhookReplayRequested),
            Arg.Is<string?>(organization => organization == null),
            Arg.Is(_endpoint.Id.ToString()),
            Arg.Is<string?>(detail => detail!.EndsWith($", {expected.Count} deliveries queued", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Handle_NothingSubscribed_ShouldWriteNothingAndWakeNoDispatcher()
    {
        _events.ListOccurredBetweenAsync(
                Arg.Any<DateTimeOffset>(), Arg.Any<DateTimeOffset>(), Arg.Any<long>(), Arg.Any<int>(), Arg.Any<CancellationToken>())
            .Returns([new ReplayableEvent("evt_1", 1, "group.created", "contoso.com", null)]);

        var result = await Handler().Handle(new ReplayWebhookEventsCommand(_endpoint.Id, TestData.Start.AddDays(-1)), Ct);

        Assert.Equal(0, result.Value.Queued);
        Assert.Empty(_writeSizes);
        _dispatcher.DidNotReceive().NotifyAfterCommit();
    }

    private ReplayWebhookEventsCommandHandler Handler() =>
        new(_endpoints, _events, _deliveries, _dispatcher, _audit, TestData.Clock());
}
