namespace ScimClean.Api.IntegrationTests.Webhooks.MultiInstance;

/// <summary>
/// Put in front of one host's webhook HttpClient: each request waits until the test releases it, so a send can be
/// kept "hanging" while another instance takes the delivery over.
/// </summary>
public sealed class HoldingHandler(HoldingHandler.Gate gate) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        gate.Entered.TrySetResult();
        await gate.Released.Task.WaitAsync(cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }

    public sealed class Gate
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
