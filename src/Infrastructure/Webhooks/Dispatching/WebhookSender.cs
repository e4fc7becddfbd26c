using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Polly.CircuitBreaker;
using Polly.Timeout;
using ScimClean.Application.Webhooks.Secrets;
using ScimClean.Domain.Webhooks;

namespace ScimClean.Infrastructure.Webhooks.Dispatching;

/// <summary>
/// One attempt of one delivery: POSTs the stored payload exactly, signed the Standard Webhooks way, through the
/// endpoint's resilience pipeline, and classifies the answer.
/// </summary>
internal sealed class WebhookSender(
    IHttpClientFactory httpClientFactory,
    EndpointResiliencePipelines pipelines,
    IWebhookSecretProtector secretProtector,
    IOutboundAddressPolicy addressPolicy,
    TimeProvider clock)
{
    public const string HttpClientName = "ScimClean.Webhooks";

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    /// <summary>The warm-up's pipeline: kept under a key no endpoint has, so the registry's own first use is paid too.</summary>
    private static readonly Guid WarmUpPipeline = Guid.Empty;

    public async Task<SendOutcome> SendAsync(WebhookEndpoint endpoint, WebhookEvent webhookEvent, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(endpoint.Url, UriKind.Absolute, out var url))
        {
            return new SendOutcome(SendResult.Failed, Error: "the endpoint URL is not valid");
        }

        if (addressPolicy.RejectUrl(url) is { } rejection)
        {
            return new SendOutcome(SendResult.Failed, Error: rejection);
        }

        var keys = SigningKeys(endpoint);
        var body = Encoding.UTF8.GetBytes(webhookEvent.Payload);
        var client = httpClientFactory.CreateClient(HttpClientName);
        var pipeline = pipelines.For(endpoint.Id);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await pipeline.ExecuteAsync(
                async token =>
                {
                    // A fresh request (and timestamp) for every try; the id stays the event's.
                    using var request = CreateRequest(url, webhookEvent.Id, keys, body);
                    return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
                },
                cancellationToken);
            return Classify(response, LatencySince(started));
        }
        catch (BrokenCircuitException exception)
        {
            return new SendOutcome(SendResult.CircuitOpen, Error: "circuit open", RetryAfter: exception.RetryAfter);
        }
        catch (TimeoutRejectedException exception)
        {
            return new SendOutcome(
                SendResult.Failed, Error: $"timed out after {exception.Timeout.TotalSeconds:0.#} s", LatencyMs: LatencySince(started));
        }
        catch (HttpRequestException exception)
        {
            return new SendOutcome(
                SendResult.Failed, Error: $"network error ({exception.HttpRequestError}): {exception.Message}", LatencyMs: LatencySince(started));
        }
    }

    /// <summary>
    /// Sends one signed request through the webhook client and an endpoint's kind of pipeline, over a
    /// <see cref="WarmUpConnection"/> that never leaves the process. The first send after a start otherwise pays for
    /// building the handler chain and the connection pool, and for compiling the HTTP, resilience and signing code
    /// (hundreds of milliseconds on a busy two-core machine), and the deliveries claimed meanwhile wait for it too.
    /// </summary>
    /// <remarks>
    /// Signed with <paramref name="endpoint"/>'s secrets when there is one, which loads the Data Protection key ring
    /// (read from the database on first use).
    /// </remarks>
    public async Task WarmUpAsync(WebhookEndpoint? endpoint, CancellationToken cancellationToken)
    {
        IReadOnlyList<byte[]> keys = endpoint is null ? [new byte[32]] : SigningKeys(endpoint);
        var client = httpClientFactory.CreateClient(HttpClientName);
        var pipeline = pipelines.For(WarmUpPipeline);
        var body = "{}"u8.ToArray();
        using var response = await pipeline.ExecuteAsync(
            async token =>
            {
                using var request = CreateRequest(WarmUpConnection.Url, "evt_warm_up", keys, body);
                WarmUpConnection.Mark(request);
                return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
            },
            cancellationToken);
        Classify(response, 0);
    }

    private List<byte[]> SigningKeys(WebhookEndpoint endpoint) =>
        endpoint.SigningSecretCiphertexts(clock.GetUtcNow())
            .Select(ciphertext => WebhookSecretFormat.DecodeKey(secretProtector.Unprotect(ciphertext)))
            .ToList();

    private HttpRequestMessage CreateRequest(Uri url, string webhookId, IReadOnlyList<byte[]> keys, byte[] body)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.TryAddWithoutValidation("webhook-id", webhookId);
        request.Headers.TryAddWithoutValidation("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("webhook-signature", WebhookSignature.Sign(keys, webhookId, timestamp, body));
        return request;
    }

    private SendOutcome Classify(HttpResponseMessage response, int latencyMs)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            return new SendOutcome(SendResult.Delivered, status, LatencyMs: latencyMs);
        }

        if (response.StatusCode == HttpStatusCode.Gone)
        {
            return new SendOutcome(SendResult.Gone, status, "endpoint answered 410 Gone", latencyMs);
        }

        var error = status is >= 300 and < 400 ? $"redirect {status} not followed" : $"endpoint answered {status}";
        TimeSpan? retryAfter = null;
        if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
            && response.Headers.RetryAfter is { } header)
        {
            retryAfter = header.Delta ?? (header.Date is { } date ? date - clock.GetUtcNow() : null);
        }

        return new SendOutcome(SendResult.Failed, status, error, latencyMs, retryAfter);
    }

    private static int LatencySince(long started) =>
        (int)Math.Min(int.MaxValue, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
}
