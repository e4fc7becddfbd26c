using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ScimClean.Api.IntegrationTests.Webhooks.Dispatch;

/// <summary>
/// A real HTTP receiver on 127.0.0.1 that records every request and answers as the test says. (HttpListener,
/// not a second WebApplication, so it cannot interfere with WebApplicationFactory's host interception.)
/// </summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<ReceivedWebhook> _requests = new();
    private readonly Task _loop;

    private WebhookReceiver(int port)
    {
        Url = $"http://127.0.0.1:{port}/hooks";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public string Url { get; }

    /// <summary>Decides each answer; gets the request and how many requests came before it.</summary>
    public Func<ReceivedWebhook, int, ReceiverReply> Respond { get; set; } = (_, _) => ReceiverReply.Ok;

    /// <summary>Awaited before each answer (after the request is recorded): lets a test keep a request hanging.</summary>
    public Func<ReceivedWebhook, Task>? Hold { get; set; }

    public IReadOnlyList<ReceivedWebhook> Requests => _requests.ToArray();

    public static WebhookReceiver Start() => new(FreePort());

    /// <summary>A loopback port nothing listens on: connections to it are refused.</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The accept loop ends with the listener.
        }
    }

    private async Task AcceptAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            await HandleAsync(context);
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var received = new ReceivedWebhook(
            request.Url?.AbsolutePath ?? string.Empty,
            request.HttpMethod,
            request.ContentType,
            request.Headers["webhook-id"],
            request.Headers["webhook-timestamp"],
            request.Headers["webhook-signature"],
            body);
        var index = _requests.Count;
        _requests.Enqueue(received);
        if (Hold is { } hold)
        {
            await hold(received);
        }

        var reply = Respond(received, index);
        context.Response.StatusCode = reply.Status;
        if (reply.RetryAfter is not null)
        {
            context.Response.AddHeader("Retry-After", reply.RetryAfter);
        }

        if (reply.Location is not null)
        {
            context.Response.AddHeader("Location", reply.Location);
        }

        context.Response.ContentLength64 = 0;
        context.Response.Close();
    }
}
