namespace ScimClean.Application.Common.Behaviours;

/// <summary>
/// A read-modify-write command whose runs on one resource queue behind each other inside this process
/// (<see cref="ConcurrencyRetryBehaviour{TMessage, TResponse}"/>). Without the queue, concurrent PATCHes of one group
/// (a directory adding members in parallel batches) mostly fail their version check and start over, so each costs
/// several runs; queued, each runs once. Across instances the version check and the retry still decide.
/// </summary>
public interface IQueueByResource
{
    /// <summary>The resource the command changes, unique across resource types (e.g. "group:{id}").</summary>
    string ResourceKey { get; }
}
