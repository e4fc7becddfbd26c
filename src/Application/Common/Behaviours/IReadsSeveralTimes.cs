namespace ScimClean.Application.Common.Behaviours;

/// <summary>
/// A query whose handler reads the database more than once (a resource and then its groups or members):
/// <see cref="SharedConnectionBehaviour{TMessage, TResponse}"/> runs it on one held connection. Queries that read once,
/// or not at all, gain nothing from it and do not carry this marker. Neither do the user queries: the SQLite store
/// reads users on connections it keeps open for them, so holding the context's connection would only add an open
/// (on PostgreSQL, each of their reads takes a connection from Npgsql's pool, which costs little).
/// </summary>
public interface IReadsSeveralTimes;
