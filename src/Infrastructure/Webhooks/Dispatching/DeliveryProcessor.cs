using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScimClean.Domain.Webhooks;
using ScimClean.Infrastructure.Persistence;

namespace ScimClean.Infrastructure.Webhooks.Dispatching;

/// <summary>
/// One round of the dispatcher: claims the due deliveries, sends them concurrently (bounded), and records each
/// outcome durably. Tests drive it directly with a fake clock.
/// </summary>
internal sealed class DeliveryProcessor(
    IServiceScopeFactory scopes,
    WebhookSender sender,
    DeliverySchedule schedule,
    IOptions<WebhookDispatchOptions> options,
    TimeProvider clock,
    ILogger<DeliveryProcessor> logger)
{
    /// <summary>A circuit that is about to close still postpones by at least this much, so nothing spins.</summary>
    private static readonly TimeSpan MinimumPostponement = TimeSpan.FromSeconds(1);

    private readonly IServiceScopeFactory _scopes = scopes;
    private readonly WebhookSender _sender = sender;
    private readonly DeliverySchedule _schedule = schedule;
    private readonly IOptions<WebhookDispatchOptions> _options = options;
    private readonly TimeProvider _clock = clock;
    private readonly ILogger<DeliveryProcessor> _logger = logger;

    /// <summary>Claims and sends what is due now; returns how many deliveries were claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = _options.Value;
        IReadOnlyList<Guid> claimed;
        await using (var scope = _scopes.CreateAsyncScope())
        {
            claimed = await scope.ServiceProvider.GetRequiredService<IDeliveryClaimer>().ClaimAsync(
                _clock.GetUtcNow(), TimeSpan.FromSeconds(settings.LeaseSeconds), Math.Max(1, settings.BatchSize), cancellationToken);
        }

        if (claimed.Count == 0)
        {
            return 0;
        }

        await Parallel.ForEachAsync(
            claimed,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.MaxParallelism), CancellationToken = cancellationToken },
            async (id, token) => await ProcessAsync(id, token));
        return claimed.Count;
    }

    private async Task ProcessAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var dbContext = scope.ServiceProvider.GetRequiredService<ScimCleanDbContext>();
        try
        {
            var delivery = await dbContext.WebhookDeliveries
                .Include(item => item.Event)
                .SingleAsync(item => item.Id == deliveryId, cancellationToken);
            var endpoint = await dbContext.WebhookEndpoints.SingleAsync(item => item.Id == delivery.EndpointId, cancellationToken);
            if (!endpoint.Enabled || delivery.Event is null)
            {
                // Disabled since the claim: back to pending; re-enabling resumes it.
                delivery.Postpone(_clock.GetUtcNow());
            }
            else
            {
                SendOutcome outcome;
                try
                {
                    outcome = await _sender.SendAsync(endpoint, delivery.Event, cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // Shutting down: release the lease instead of waiting for it to end.
                    delivery.Postpone(_clock.GetUtcNow());
                    await dbContext.SaveChangesAsync(CancellationToken.None);
                    throw;
                }

                Apply(outcome, delivery, endpoint, _clock.GetUtcNow());
            }

            await dbContext.SaveChangesAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The delivery stays leased; it is tried again when the lease ends.
            _logger.LogError(exception, "Webhook delivery {DeliveryId} could not be processed", deliveryId);
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
}
