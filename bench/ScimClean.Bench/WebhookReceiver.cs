using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace ScimClean.Bench;

/// <summary>A loopback receiver that records when each event arrived and when it was committed.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Arrival> _arrivals = new();

    private WebhookReceiver(WebApplication app, int port)
    {
        _app = app;
        Url = $"http://127.0.0.1:{port}/hooks";
    }

    public sealed record Arrival(string Path, string EventId, DateTimeOffset EventTimestamp, DateTimeOffset ArrivedAt);

    public string Url { get; }

    public int Count => _arrivals.Count;

    public static async Task<WebhookReceiver> StartAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, port);
        app.MapPost("/hooks/{name?}", async (HttpContext http) =>
        {
            var arrivedAt = DateTimeOffset.UtcNow;
            using var document = await JsonDocument.ParseAsync(http.Request.Body);
            var root = document.RootElement;
            var timestamp = DateTimeOffset.Parse(root.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture);
            receiver._arrivals.Enqueue(new Arrival(http.Request.Path, root.GetProperty("id").GetString()!, timestamp, arrivedAt));
            return Results.NoContent();
        });
        await app.StartAsync();
        return receiver;
    }

    /// <summary>
    /// Posts a few events to itself and forgets them: the receiver is the measuring instrument, and its own first
    /// requests (JIT, routing, JSON) would otherwise be counted as the service's delivery latency.
    /// </summary>
    public async Task WarmUpAsync()
    {
        using var client = new HttpClient();
        for (var index = 0; index < 3; index++)
        {
            var body = $"{{\"id\":\"evt_receiver_warm_up_{index}\",\"timestamp\":\"{DateTimeOffset.UtcNow:O}\"}}";
            using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            (await client.PostAsync(Url + "/warm-up", content)).EnsureSuccessStatusCode();
        }

        Drain();
    }

    public List<Arrival> Drain()
    {
        var drained = new List<Arrival>();
        while (_arrivals.TryDequeue(out var arrival))
        {
            drained.Add(arrival);
        }

        return drained;
    }

    public async Task<bool> WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (_arrivals.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        return _arrivals.Count >= count;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
