using System.Text;

namespace ScimClean.Infrastructure.Webhooks.Dispatching;

/// <summary>
/// An HTTP/1.1 connection that never leaves the process: it swallows the request and answers 204. The start-up
/// warm-up sends one request over it through the real webhook client, so the first use of the handler chain, the
/// connection pool and the resilience strategies is paid before the first real webhook, not by it. Only a request
/// marked with <see cref="Mark"/> gets it; any other request to the same host name is resolved and connected as usual
/// (and <c>.invalid</c> never resolves).
/// </summary>
internal sealed class WarmUpConnection : Stream
{
    public static readonly Uri Url = new("http://warm-up.scimclean.invalid/");

    private static readonly HttpRequestOptionsKey<bool> Marker = new("ScimClean.Webhooks.WarmUp");

    private static readonly byte[] Response = Encoding.ASCII.GetBytes("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n");

    private int _read;

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public static void Mark(HttpRequestMessage request)
    {
        request.Options.Set(Marker, true);
        request.Headers.ConnectionClose = true;
    }

    public static bool IsFor(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(Marker, out var marked) && marked;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, Response.Length - _read);
        Response.AsSpan(_read, count).CopyTo(buffer);
        _read += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Write(byte[] buffer, int offset, int count)
    {
        // The request goes nowhere.
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        // The request goes nowhere.
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.CompletedTask;

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public override void Flush()
    {
        // Nothing is buffered.
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
