using ScimClean.Application.Common.Persistence;

namespace ScimClean.Infrastructure.Persistence;

/// <summary>
/// Opens the context's connection explicitly: EF then leaves it open between queries instead of closing it after each,
/// until the matching close. EF counts nested opens, so a session inside another one is harmless.
/// </summary>
internal sealed class EfDatabaseSession(ScimCleanDbContext dbContext) : IDatabaseSession
{
    public async Task<IAsyncDisposable> HoldConnectionAsync(CancellationToken cancellationToken)
    {
        await dbContext.Database.OpenConnectionAsync(cancellationToken);
        return new HeldConnection(dbContext);
    }

    private sealed class HeldConnection(ScimCleanDbContext dbContext) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await dbContext.Database.CloseConnectionAsync();
    }
}
