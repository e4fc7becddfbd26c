using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScimClean.Domain.Webhooks;
using ScimClean.Infrastructure.Persistence;

namespace ScimClean.Infrastructure.Webhooks.Dispatching;

/// <summary>
/// One round of the dispatcher: claims the due deliveries, sends them concurrently (bounded), and records the
/// outcomes durably. Tests drive it directly with a fake clock.
/// </summary>
internal sealed class DeliveryProcessor(
    IServiceScopeFactory scopes,
    WebhookSender sender,
    DeliverySchedule schedule,
    WebhookDispatchSignal signal,
    IOptions<WebhookDispatchOptions> options,
    TimeProvider clock,
    ILogger<DeliveryProcessor> logger)
{
    /// <summary>A circuit that is about to close still postpones by at least this much, so nothing spins.</summary>
    private static readonly TimeSpan MinimumPostponement = TimeSpan.FromSeconds(1);

    private readonly IServiceScopeFactory _scopes = scopes;
    private readonly WebhookSender _sender = sender;
    private readonly DeliverySchedule _schedule = schedule;
    private readonly WebhookDispatchSignal _signal = signal;
    private readonly IOptions<WebhookDispatchOptions> _options = options;
    private readonly TimeProvider _clock = clock;
    private readonly ILogger<DeliveryProcessor> _logger = logger;

    /// <summary>Claims and sends what is due now, and waits for the outcomes; returns how many deliveries were claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var round = await StartRoundAsync(_options.Value.BatchSize, cancellationToken);
        await round.Completion;
        return round.Claimed;
    }

    /// <summary>
    /// Claims up to <paramref name="maxCount"/> due deliveries and starts sending them; the returned round completes
    /// when every outcome is committed. The dispatcher starts the next round without waiting for this one, so a
    /// receiver that holds its requests until the timeout holds back only its own deliveries.
    /// </summary>
    /// <remarks>
    /// One claim statement, one query for the claimed deliveries with their events and endpoints, the sends in
    /// parallel (bounded), and their outcomes group-committed: a single writer saves whatever outcomes have arrived
    /// since its last save in one SaveChanges (one trip through SQLite's write gate), while the other sends go on.
    /// A delivery stays in flight until its outcome is committed, so the next event of its resource cannot be claimed
    /// before the previous one's success is durable; each committed batch of outcomes wakes the dispatcher, so that next
    /// event goes out then, not when the slowest send of the round ends.
    /// </remarks>
    public async Task<DispatchRound> StartRoundAsync(int maxCount, CancellationToken cancellationToken)
    {
        var settings = _options.Value;
        var scope = _scopes.CreateAsyncScope();
        try
        {
            var dbContext = scope.ServiceProvider.GetRequiredService<ScimCleanDbContext>();
            var claim = await scope.ServiceProvider.GetRequiredService<IDeliveryClaimer>().ClaimAsync(
                _clock.GetUtcNow(), TimeSpan.FromSeconds(settings.LeaseSeconds), Math.Max(1, maxCount), cancellationToken);
            if (claim.Count == 0)
            {
                await scope.DisposeAsync();
                return new DispatchRound(0, Task.CompletedTask);
            }

            var claimed = await ClaimedAsync(dbContext, claim.LeaseToken, cancellationToken);
            return new DispatchRound(claim.Count, SendAndRecordAsync(scope, dbContext, claimed, cancellationToken));
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Pays at start-up what the first round after a start would otherwise pay on the first webhook, and the deliveries
    /// claimed meanwhile would wait for: compiling the claim statement and the query for the claimed deliveries, EF
    /// Core's change tracking of the webhook entities, the round's send loop and outcome writer (an empty round), the
    /// Data Protection key ring for the signing secrets, and the send path (<see cref="WebhookSender.WarmUpAsync"/>).
    /// Claims, sends and changes nothing. Best effort: a failure is logged, and the first deliveries pay instead.
    /// </summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        try
        {
            var scope = _scopes.CreateAsyncScope();
            ScimCleanDbContext dbContext;
            List<ClaimedDelivery> claimed;
            WebhookEndpoint? endpoint;
            try
            {
                dbContext = scope.ServiceProvider.GetRequiredService<ScimCleanDbContext>();
                await scope.ServiceProvider.GetRequiredService<IDeliveryClaimer>().PrepareAsync(
                    _clock.GetUtcNow(), TimeSpan.FromSeconds(_options.Value.LeaseSeconds), cancellationToken);
                endpoint = await dbContext.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(item => item.Enabled, cancellationToken);
                TrackAndForget(dbContext);
                // No claim has the empty token.
                claimed = await ClaimedAsync(dbContext, Guid.Empty, cancellationToken);
            }
            catch
            {
                await scope.DisposeAsync();
                throw;
            }

            await SendAndRecordAsync(scope, dbContext, claimed, cancellationToken);
            await _sender.WarmUpAsync(endpoint, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            _logger.LogWarning(exception, "Webhook dispatch warm-up failed; the first deliveries after the start pay for it instead");
        }
    }

    /// <summary>
    /// EF Core builds an entity type's change-tracking machinery (snapshots, entry factories) the first time it tracks
    /// one; the outbox's first delivery and the first round's claimed rows would pay for it. Tracks one of each and
    /// forgets them; nothing is saved.
    /// </summary>
    private void TrackAndForget(ScimCleanDbContext dbContext)
    {
        var now = _clock.GetUtcNow();
        var webhookEvent = WebhookEvent.Create(
            "evt_warm_up", WebhookEventTypes.UserUpdated, Guid.Empty, "warm-up.invalid", Guid.Empty, 1, now, "{}");
        var endpoint = WebhookEndpoint.Create(WarmUpConnection.Url.ToString(), null, null, "warm-up", now);
        dbContext.Add(WebhookDelivery.Create(endpoint.Id, webhookEvent, now));
        dbContext.Attach(endpoint);
        dbContext.ChangeTracker.DetectChanges();
        dbContext.ChangeTracker.Clear();
    }

    private static Task<List<ClaimedDelivery>> ClaimedAsync(ScimCleanDbContext dbContext, Guid leaseToken, CancellationToken cancellationToken)
    {
        Guid? token = leaseToken;
        return (
                from delivery in dbContext.WebhookDeliveries
                where delivery.LeaseToken == token
                join endpoint in dbContext.WebhookEndpoints on delivery.EndpointId equals endpoint.Id
                select new ClaimedDelivery(delivery, delivery.Event, endpoint))
            .ToListAsync(cancellationToken);
    }

    private async Task SendAndRecordAsync(
        AsyncServiceScope scope, ScimCleanDbContext dbContext, List<ClaimedDelivery> claimed, CancellationToken cancellationToken)
    {
        await using var owned = scope;
        var completions = Channel.CreateUnbounded<Completion>(new UnboundedChannelOptions { SingleReader = true });
        var writer = WriteCompletionsAsync(dbContext, completions.Reader, claimed.Count);
        try
        {
            await Parallel.ForEachAsync(
                claimed,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.Value.MaxParallelism), CancellationToken = cancellationToken },
                async (item, token) =>
                {
                    item.Started = true;
                    await completions.Writer.WriteAsync(await SendAsync(item, token), CancellationToken.None);
                });
        }
        finally
        {
            // Shutting down before some sends started: release their leases rather than leave them to expire.
            foreach (var item in claimed.Where(item => !item.Started))
            {
                completions.Writer.TryWrite(new Completion(item, null, _clock.GetUtcNow()));
            }

            // Even when shutting down: the outcomes of sends that happened (and the released leases) are written.
            completions.Writer.Complete();
            await writer;
        }
    }

    private async Task<Completion> SendAsync(ClaimedDelivery item, CancellationToken cancellationToken)
    {
        if (!item.Endpoint.Enabled || item.Event is null)
        {
            // Disabled since the claim: back to pending; re-enabling resumes it.
            return new Completion(item, null, _clock.GetUtcNow());
        }

        try
        {
            var outcome = await _sender.SendAsync(item.Endpoint, item.Event, cancellationToken);
            return new Completion(item, outcome, _clock.GetUtcNow());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: release the lease instead of waiting for it to end.
            return new Completion(item, null, _clock.GetUtcNow());
        }
        catch (Exception exception)
        {
            // Not an answer of the receiver (the sender turns those into outcomes): a bug. The delivery stays leased
            // and is tried again when the lease ends.
            _logger.LogError(exception, "Webhook delivery {DeliveryId} could not be processed", item.Delivery.Id);
            return new Completion(item, null, null);
        }
    }

    /// <summary>The single writer of a round: applies outcomes to the tracked rows and commits them in batches.</summary>
    private async Task WriteCompletionsAsync(ScimCleanDbContext dbContext, ChannelReader<Completion> completions, int claimed)
    {
        var pending = false;
        var read = 0;
        while (await completions.WaitToReadAsync(CancellationToken.None))
        {
            while (completions.TryRead(out var completion))
            {
                read++;
                if (completion.At is not { } at)
                {
                    continue;
                }

                if (completion.Outcome is { } outcome)
                {
                    Apply(outcome, completion.Item.Delivery, completion.Item.Endpoint, at);
                }
                else
                {
                    completion.Item.Delivery.Postpone(at);
                }

                pending = true;
            }

            if (pending)
            {
                pending = !await SaveOutcomesAsync(dbContext);
                if (!pending && read < claimed)
                {
                    // The next event of these resources may be claimable now; the round's other sends may take until
                    // their timeout, and the round's own wake-up comes only when they are done. (After its last
                    // outcomes the round ends and wakes the dispatcher anyway: no second, empty look.)
                    _signal.Notify();
                }
            }
        }

        if (pending && !await SaveOutcomesAsync(dbContext))
        {
            _logger.LogError("Webhook delivery outcomes could not be saved; the deliveries are sent again when their lease ends");
        }
    }

    /// <summary>
    /// Saves the applied outcomes; an outcome whose row no longer carries this claim's lease token (the lease ended
    /// and another dispatcher took the delivery over) is dropped, so the new owner's result stands. False when the
    /// save failed otherwise: the changes stay tracked and the next save of the round tries them again.
    /// </summary>
    private async Task<bool> SaveOutcomesAsync(ScimCleanDbContext dbContext)
    {
        while (true)
        {
            try
            {
                await dbContext.SaveChangesAsync(CancellationToken.None);
                return true;
            }
            catch (DbUpdateConcurrencyException exception)
            {
                foreach (var entry in exception.Entries)
                {
                    if (entry.Entity is WebhookDelivery lost)
                    {
                        _logger.LogWarning(
                            "Outcome of webhook delivery {DeliveryId} discarded: its lease ended and another dispatcher took it over",
                            lost.Id);
                    }

                    entry.State = EntityState.Detached;
                }
            }
            catch (Exception exception)
            {
                _logger.LogError(exception, "Saving webhook delivery outcomes failed");
                return false;
            }
        }
    }

    private void Apply(SendOutcome outcome, WebhookDelivery delivery, WebhookEndpoint endpoint, DateTimeOffset now)
    {
        switch (outcome.Result)
        {
            case SendResult.Delivered:
                delivery.Succeed(outcome.StatusCode ?? 200, outcome.LatencyMs ?? 0, now);
                endpoint.RecordSuccess();
                break;
            case SendResult.CircuitOpen:
                var wait = outcome.RetryAfter is { } retryAfter && retryAfter > MinimumPostponement ? retryAfter : MinimumPostponement;
                delivery.Postpone(now + wait);
                break;
            case SendResult.Gone:
                delivery.Fail(outcome.StatusCode, outcome.Error ?? "endpoint answered 410 Gone", outcome.LatencyMs, NextAttempt(delivery, now, null), now);
                endpoint.Disable("endpoint answered 410 Gone", now);
                _logger.LogWarning("endpoint.disabled: webhook endpoint {EndpointId} answered 410 Gone", endpoint.Id);
                break;
            default:
                delivery.Fail(outcome.StatusCode, outcome.Error ?? "failed", outcome.LatencyMs, NextAttempt(delivery, now, outcome.RetryAfter), now);
                if (endpoint.RecordFailure(now, TimeSpan.FromDays(_options.Value.DisableAfterDays)))
                {
                    _logger.LogWarning(
                        "endpoint.disabled: webhook endpoint {EndpointId} disabled: {Reason}", endpoint.Id, endpoint.DisabledReason);
                }

                break;
        }
    }

    /// <summary>When to try again after this failed attempt (the delivery's attempts do not count it yet); null to give up.</summary>
    private DateTimeOffset? NextAttempt(WebhookDelivery delivery, DateTimeOffset now, TimeSpan? retryAfter)
    {
        var delay = _schedule.NextDelay(delivery.Attempts + 1);
        if (retryAfter is { } requested)
        {
            delay = DeliverySchedule.HonourRetryAfter(delay, requested);
        }

        return delay is { } value ? now + value : null;
    }

    private sealed class ClaimedDelivery(WebhookDelivery delivery, WebhookEvent? webhookEvent, WebhookEndpoint endpoint)
    {
        public WebhookDelivery Delivery { get; } = delivery;

        public WebhookEvent? Event { get; } = webhookEvent;

        public WebhookEndpoint Endpoint { get; } = endpoint;

        /// <summary>Set by the send's own task before it reads anything else; read after the parallel loop.</summary>
        public bool Started { get; set; }
    }

    /// <summary>A send's result: an outcome, or none to release the lease (at <see cref="At"/>); no time to leave the row leased.</summary>
    private sealed record Completion(ClaimedDelivery Item, SendOutcome? Outcome, DateTimeOffset? At);
}
