using System.Net;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Retry;
using Polly.Timeout;

namespace ScimClean.Infrastructure.Webhooks.Dispatching;

/// <summary>
/// One Polly pipeline per endpoint, so that one endpoint's circuit never affects another's: circuit breaker
/// (outermost) → quick retry of network errors → timeout of one try. Runs on the injected clock.
/// </summary>
internal sealed class EndpointResiliencePipelines(IOptions<WebhookDispatchOptions> options, TimeProvider clock) : IDisposable
{
    private readonly ResiliencePipelineRegistry<Guid> _registry = new();

    public ResiliencePipeline<HttpResponseMessage> For(Guid endpointId) =>
        _registry.GetOrAddPipeline<HttpResponseMessage>(endpointId, builder => Configure(builder, options.Value));

    public void Dispose() => _registry.Dispose();

    private void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, WebhookDispatchOptions settings)
    {
        builder.TimeProvider = clock;
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            FailureRatio = settings.CircuitBreakerFailureRatio,
            MinimumThroughput = Math.Max(2, settings.CircuitBreakerMinimumThroughput),
            SamplingDuration = TimeSpan.FromSeconds(Math.Max(1, settings.CircuitBreakerSamplingSeconds)),
            BreakDuration = TimeSpan.FromSeconds(Math.Max(1, settings.CircuitBreakerBreakSeconds)),
            ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                .Handle<HttpRequestException>()
                .Handle<TimeoutRejectedException>()
                .HandleResult(IsUnhealthy),
        });
        if (settings.TransientRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = settings.TransientRetries,
                Delay = TimeSpan.FromMilliseconds(Math.Max(0, settings.TransientRetryDelayMs)),
                BackoffType = DelayBackoffType.Constant,
                UseJitter = false,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>().Handle<HttpRequestException>(),
            });
        }

        builder.AddTimeout(TimeSpan.FromSeconds(Math.Max(1, settings.TimeoutSeconds)));
    }

    private static bool IsUnhealthy(HttpResponseMessage response) =>
        (int)response.StatusCode >= 500
        || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
}
