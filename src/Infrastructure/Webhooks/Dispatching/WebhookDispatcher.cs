using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ScimClean.Infrastructure.Webhooks.Dispatching;

/// <summary>
/// The background loop: waits for a commit's signal or the backstop poll, then runs the processor until no
/// delivery is due. Never on a request's path: a slow or dead receiver cannot slow the SCIM API.
/// </summary>
internal sealed class WebhookDispatcher(
    DeliveryProcessor processor,
    WebhookDispatchSignal signal,
    IOptions<WebhookDispatchOptions> options,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.DispatcherEnabled)
        {
            logger.LogInformation("Webhook dispatcher is disabled in this process");
            return;
        }

        var poll = TimeSpan.FromMilliseconds(Math.Max(10, settings.PollIntervalMs));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await processor.RunOnceAsync(stoppingToken) > 0)
                {
                    // Finished deliveries may have unblocked the next event of their resource.
                }

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
}
