namespace ScimClean.Api.IntegrationTests.Webhooks.Dispatch;

/// <summary>How the loopback receiver answers: a status and optionally a Retry-After or Location header.</summary>
public sealed record ReceiverReply(int Status, string? RetryAfter = null, string? Location = null)
{
    public static readonly ReceiverReply Ok = new(200);
}
