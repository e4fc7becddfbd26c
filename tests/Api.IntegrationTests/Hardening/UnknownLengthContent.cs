using System.Net;

namespace ScimClean.Api.IntegrationTests.Hardening;

/// <summary>A body sent without Content-Length (chunked), so the server only learns its size while reading it.</summary>
public sealed class UnknownLengthContent : HttpContent
{
    private readonly byte[] _bytes;

    public UnknownLengthContent(string text, string mediaType)
    {
        _bytes = System.Text.Encoding.UTF8.GetBytes(text);
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(_bytes).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
