using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ScimClean.Infrastructure.Webhooks;
using ScimClean.Infrastructure.Webhooks.Dispatching;

namespace ScimClean.Api.IntegrationTests.Webhooks.Dispatch;

/// <summary>
/// The background dispatcher with an hour between polls: within a test only a wake-up makes it look, so a wake-up
/// that is missing shows as a delivery that never comes (instead of one that comes a poll later).
/// </summary>
public sealed class DispatcherWakeUpTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnOutcomeCommittedWhileItsRoundStillSends_ShouldWakeTheDispatcher_ForTheNextEventOfItsResource()
    {
        await using var app = new DispatchTestApp();
        using var fast = WebhookReceiver.Start();
        using var slow = WebhookReceiver.Start();
        var slowHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseSlow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        slow.Hold = async _ =>
        {
            slowHeld.TrySetResult();
            await releaseSlow.Task;
        };
        var user = Guid.NewGuid();
        var fastEndpoint = await app.AddEndpointAsync(fast.Url, DispatchTestApp.NewSecret());
        var slowEndpoint = await app.AddEndpointAsync(slow.Url, DispatchTestApp.NewSecret());
        // The first event goes to both endpoints, so one round sends it to both; the second (to the fast endpoint only)
        // waits for the first's delivery there.
        var (first, _) = await app.AddEventAsync(user, fastEndpoint, slowEndpoint);
        var (second, _) = await app.AddEventAsync(user, fastEndpoint);
        var secondArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fast.Respond = (received, _) =>
        {
            if (received.WebhookId == second.Id)
            {
                secondArrived.TrySetResult();
            }

            return ReceiverReply.Ok;
        };
        using var dispatcher = new WebhookDispatcher(
            app.Services.GetRequiredService<DeliveryProcessor>(),
            app.Services.GetRequiredService<WebhookDispatchSignal>(),
            Options.Create(new WebhookDispatchOptions { PollIntervalMs = 3_600_000 }),
            NullLogger<WebhookDispatcher>.Instance);

        await dispatcher.StartAsync(Ct);
        try
        {
            await slowHeld.Task.WaitAsync(Limit, Ct);

            // The slow receiver still holds the first round open; the first event's success at the fast endpoint
            // must wake the dispatcher for the second.
            await secondArrived.Task.WaitAsync(Limit, Ct);
            Assert.Equal([first.Id, second.Id], fast.Requests.Select(received => received.WebhookId!));
            Assert.False(releaseSlow.Task.IsCompleted);
        }
        finally
        {
            releaseSlow.TrySetResult();
            await dispatcher.StopAsync(Ct);
        }

        Assert.Equal(first.Id, Assert.Single(slow.Requests).WebhookId);
    }
}
