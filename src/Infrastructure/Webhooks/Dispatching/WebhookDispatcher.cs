using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ScimClean.Infrastructure.Webhooks.Dispatching;

/// <summary>
/// The background loop: on a commit's signal, a finished round or the backstop poll, it starts a round into the free
/// capacity, without waiting for the rounds already running; so a receiver that holds its requests until the timeout
/// holds back only its own deliveries. Never on a request's path: a slow or dead receiver cannot slow the SCIM API.
/// </summary>
internal sealed class WebhookDispatcher(
    DeliveryProcessor processor,
    WebhookDispatchSignal signal,
    IOptions<WebhookDispatchOptions> options,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    private readonly HashSet<Task> _rounds = [];
    private int _inFlight;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.DispatcherEnabled)
        {
            logger.LogInformation("Webhook dispatcher is disabled in this process");
            return;
        }

        await processor.WarmUpAsync(stoppingToken);

        // The deliveries in flight at once, over all running rounds: a new round claims only into free capacity.
        var capacity = Math.Max(1, settings.MaxParallelism);
        var poll = TimeSpan.FromMilliseconds(Math.Max(10, settings.PollIntervalMs));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var free = capacity - Volatile.Read(ref _inFlight);
                    if (free > 0)
                    {
                        var round = await processor.StartRoundAsync(Math.Min(free, Math.Max(1, settings.BatchSize)), stoppingToken);
                        if (round.Claimed > 0)
                        {
                            Track(round, stoppingToken);
                            continue;
                        }
                    }

                    // Woken by a commit, by committed outcomes (they may have unblocked the next event of their
                    // resources), by a finished round (its capacity is free again), or by the backstop poll.
                    await signal.WaitAsync(poll, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception exception)
                {
                    logger.LogError(exception, "Webhook dispatch round failed; retrying after the poll interval");
                    try
                    {
                        await Task.Delay(poll, stoppingToken);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }
            }
        }
        finally
        {
            // The running rounds release the leases of what they did not send and commit what they did.
            Task[] running;
            lock (_rounds)
            {
                running = [.. _rounds];
            }

            await Task.WhenAll(running);
        }
    }

    private void Track(DispatchRound round, CancellationToken stoppingToken)
    {
        Interlocked.Add(ref _inFlight, round.Claimed);
        var tracked = AwaitRoundAsync(round, stoppingToken);
        lock (_rounds)
        {
            if (!tracked.IsCompleted)
            {
                _rounds.Add(tracked);
            }
        }
    }

    private async Task AwaitRoundAsync(DispatchRound round, CancellationToken stoppingToken)
    {
        try
        {
            await round.Completion;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; the round has released or recorded its deliveries.
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Webhook dispatch round failed; its deliveries are sent again when their lease ends");
        }
        finally
        {
            Interlocked.Add(ref _inFlight, -round.Claimed);
            lock (_rounds)
            {
                _rounds.RemoveWhere(task => task.IsCompleted);
            }

            signal.Notify();
        }
    }
}
