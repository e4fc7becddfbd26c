namespace ScimClean.Application.UnitTests.Common.Behaviours;

/// <summary>The rest of the pipeline: returns a canned response (or throws) and counts its calls.</summary>
internal sealed class RecordingNext<TMessage, TResponse>
{
    private readonly TResponse? _response;
    private readonly Exception? _exception;

    public RecordingNext(TResponse response) => _response = response;

    public RecordingNext(Exception exception) => _exception = exception;

    public int Calls { get; private set; }

    public ValueTask<TResponse> Invoke(TMessage message, CancellationToken cancellationToken)
    {
        Calls++;
        return _exception is null
            ? ValueTask.FromResult(_response!)
            : ValueTask.FromException<TResponse>(_exception);
    }
}
