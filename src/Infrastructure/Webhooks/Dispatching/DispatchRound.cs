namespace ScimClean.Infrastructure.Webhooks.Dispatching;

/// <summary>The deliveries one claim took, and the task that completes when all their outcomes are committed.</summary>
internal sealed record DispatchRound(int Claimed, Task Completion);
