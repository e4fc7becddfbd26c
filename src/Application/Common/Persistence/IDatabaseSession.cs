namespace ScimClean.Application.Common.Persistence;

/// <summary>
/// Holds one database connection open across the several queries of one request. Without it each query takes a
/// connection from the pool and hands it back, and on SQLite every such open re-registers the provider's SQL functions.
/// </summary>
public interface IDatabaseSession
{
    /// <summary>Opens the connection (or joins one already held); disposing the result releases it.</summary>
    Task<IAsyncDisposable> HoldConnectionAsync(CancellationToken cancellationToken);
}
