using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace ScimClean.Api.IntegrationTests.Hardening.Faults;

/// <summary>How <see cref="MisbehavingReceiver"/> answers.</summary>
public enum ReceiverBehaviour
{
    /// <summary>Reads the request and holds the connection open, answering nothing until <see cref="MisbehavingReceiver.Release"/>.</summary>
    Hang,

    /// <summary>In turn: random bytes instead of HTTP, a 200 whose body is cut short, a 500, a 200 whose body never ends.</summary>
    Garbage,

    /// <summary>A plain 204.</summary>
    Ok,
}

/// <summary>
/// A webhook receiver on raw TCP (127.0.0.1), so that it can answer what no HTTP server library would send: garbage,
/// broken bodies, or nothing at all. Every connection is served on its own task, so held requests do not stop new ones.
/// </summary>
public sealed class MisbehavingReceiver : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentQueue<string> _webhookIds = new();
    private readonly ConcurrentDictionary<Task, byte> _connections = new();
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;
    private int _held;
    private int _answeredSuccess;
    private int _requests;

    public MisbehavingReceiver(ReceiverBehaviour behaviour)
    {
        Behaviour = behaviour;
        _listener.Start();
        Url = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/hooks";
        _accepting = Task.Run(AcceptAsync);
    }

    public string Url { get; }

    /// <summary>Read on each new request; a test switches it to <see cref="ReceiverBehaviour.Ok"/> when the trouble is over.</summary>
    public ReceiverBehaviour Behaviour { get; set; }

    /// <summary>Requests read and being held open right now.</summary>
    public int Held => Volatile.Read(ref _held);

    /// <summary>Requests answered with a complete 2xx.</summary>
    public int AnsweredSuccess => Volatile.Read(ref _answeredSuccess);

    public int RequestCount => Volatile.Read(ref _requests);

    /// <summary>The webhook-id of every request, in arrival order.</summary>
    public IReadOnlyList<string> WebhookIds => _webhookIds.ToArray();

    public bool IsReleased => _released.Task.IsCompleted;

    /// <summary>Ends the hang: held requests (and later ones in <see cref="ReceiverBehaviour.Hang"/>) are answered 204.</summary>
    public void Release() => _released.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        Release();
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
        await Task.WhenAll(_connections.Keys);
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stopping.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var connection = Task.Run(() => ServeAsync(socket));
            _connections.TryAdd(connection, 0);
            _ = connection.ContinueWith(done => _connections.TryRemove(done, out _), TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using (socket)
        await using (var stream = new NetworkStream(socket, ownsSocket: false))
        {
            try
            {
                var webhookId = await ReadRequestAsync(stream);
                if (webhookId is null)
                {
                    return;
                }

                var index = Interlocked.Increment(ref _requests) - 1;
                _webhookIds.Enqueue(webhookId);
                await AnswerAsync(stream, index);
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The sender gave up on this request (timeout, shutdown): nothing more to answer.
            }
        }
    }

    private async Task AnswerAsync(NetworkStream stream, int index)
    {
        switch (Behaviour)
        {
            case ReceiverBehaviour.Hang:
                Interlocked.Increment(ref _held);
                try
                {
                    await _released.Task.WaitAsync(_stopping.Token);
                }
                finally
                {
                    Interlocked.Decrement(ref _held);
                }

                await WriteAsync(stream, "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n");
                Interlocked.Increment(ref _answeredSuccess);
                break;
            case ReceiverBehaviour.Garbage:
                await AnswerGarbageAsync(stream, index % 4);
                break;
            default:
                await WriteAsync(stream, "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n");
                Interlocked.Increment(ref _answeredSuccess);
                break;
        }
    }

    private async Task AnswerGarbageAsync(NetworkStream stream, int kind)
    {
        switch (kind)
        {
            case 0:
                await stream.WriteAsync(RandomNumberGenerator.GetBytes(512), _stopping.Token);
                break;
            case 1:
                // Promises 4096 bytes, sends 10, hangs up.
                await WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4096\r\n\r\n{\"broken\":");
                break;
            case 2:
                await WriteAsync(stream, "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 5\r\nConnection: close\r\n\r\noops!");
                break;
            default:
                // A chunked body that trickles on until the sender hangs up (or the test ends).
                await WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
                while (!_stopping.IsCancellationRequested)
                {
                    await WriteAsync(stream, "1\r\n \r\n");
                    await Task.Delay(TimeSpan.FromMilliseconds(100), _stopping.Token);
                }

                break;
        }
    }

    private async Task WriteAsync(NetworkStream stream, string text) =>
        await stream.WriteAsync(Encoding.ASCII.GetBytes(text), _stopping.Token);

    /// <summary>Reads one request (head and Content-Length body); returns its webhook-id, or null when the peer hung up.</summary>
    private async Task<string?> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new List<byte>(4096);
        var chunk = new byte[4096];
        int headEnd;
        while ((headEnd = IndexOfHeadEnd(buffer)) < 0)
        {
            var read = await stream.ReadAsync(chunk, _stopping.Token);
            if (read == 0)
            {
                return null;
            }

            buffer.AddRange(chunk.AsSpan(0, read));
        }

        var head = Encoding.ASCII.GetString(buffer.GetRange(0, headEnd).ToArray());
        var headers = head.Split("\r\n").Skip(1)
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var length = headers.TryGetValue("Content-Length", out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : 0;
        var body = buffer.Count - (headEnd + 4);
        while (body < length)
        {
            var read = await stream.ReadAsync(chunk, _stopping.Token);
            if (read == 0)
            {
                return null;
            }

            body += read;
        }

        return headers.GetValueOrDefault("webhook-id") ?? string.Empty;
    }

    private static int IndexOfHeadEnd(List<byte> buffer)
    {
        for (var index = 0; index + 3 < buffer.Count; index++)
        {
            if (buffer[index] == '\r' && buffer[index + 1] == '\n' && buffer[index + 2] == '\r' && buffer[index + 3] == '\n')
            {
                return index;
            }
        }

        return -1;
    }
}
