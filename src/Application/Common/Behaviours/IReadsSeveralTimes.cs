namespace ScimClean.Application.Common.Behaviours;

/// <summary>
/// A query whose handler reads the database more than once (a resource and then its groups or members):
/// <see cref="SharedConnectionBehaviour{TMessage, TResponse}"/> runs it on one held connection. Queries that read once,
/// or not at all, gain nothing from it and do not carry this marker.
/// </summary>
public interface IReadsSeveralTimes;
