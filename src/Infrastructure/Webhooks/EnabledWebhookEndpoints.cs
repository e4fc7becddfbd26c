using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using ScimClean.Domain.Webhooks;
using ScimClean.Infrastructure.Persistence;

namespace ScimClean.Infrastructure.Webhooks;

/// <summary>
/// The enabled webhook endpoints the outbox fans each event out to. Every commit with an event needs them, and they
/// change rarely (an admin call, the dispatcher disabling a failing endpoint): on SQLite, where one process owns the
/// database, they are read once and kept until a change to an endpoint is saved. PostgreSQL reads them on every commit:
/// another instance may change them, and no instance hears of it in time.
/// </summary>
/// <remarks>
/// Every change to an endpoint goes through a SaveChanges of <see cref="ScimCleanDbContext"/>, which calls
/// <see cref="Changing"/> before and after the write. A list is used only while no change began since it was read, so a
/// commit that starts after an endpoint's change has returned fans out to the endpoint as it is now, as a fresh read
/// would. A change made outside the service (SQL by hand, another process) is not seen until the service restarts.
/// </remarks>
internal static class EnabledWebhookEndpoints
{
    private static readonly ConcurrentDictionary<string, Slot> Slots = new(StringComparer.Ordinal);

    // Connection strings that name one file differently (";Pooling=False") share its slot; null: no slot.
    private static readonly ConcurrentDictionary<string, Slot?> SlotsByConnectionString = new(StringComparer.Ordinal);

    public static async Task<IReadOnlyList<WebhookEndpoint>> ListAsync(ScimCleanDbContext dbContext, CancellationToken cancellationToken)
    {
        if (SlotOf(dbContext) is not { } slot)
        {
            return await ReadAsync(dbContext, cancellationToken);
        }

        var version = Volatile.Read(ref slot.Version);
        if (Volatile.Read(ref slot.Snapshot) is { } snapshot && snapshot.Version == version)
        {
            return snapshot.Endpoints;
        }

        var endpoints = await ReadAsync(dbContext, cancellationToken);
        // Stamped with the version seen before the read: a change that began meanwhile has moved the version on, and the
        // next commit reads again.
        Volatile.Write(ref slot.Snapshot, new Snapshot(version, endpoints));
        return endpoints;
    }

    /// <summary>An endpoint is about to change, or has just changed: forget what was read before.</summary>
    public static void Changing(ScimCleanDbContext dbContext)
    {
        if (SlotOf(dbContext) is { } slot)
        {
            Interlocked.Increment(ref slot.Version);
        }
    }

    private static async Task<IReadOnlyList<WebhookEndpoint>> ReadAsync(ScimCleanDbContext dbContext, CancellationToken cancellationToken) =>
        await dbContext.WebhookEndpoints.AsNoTracking().Where(endpoint => endpoint.Enabled).ToListAsync(cancellationToken);

    /// <summary>One slot per SQLite database file; none for PostgreSQL or a private in-memory database.</summary>
    private static Slot? SlotOf(ScimCleanDbContext dbContext)
    {
        if (!DatabaseKind.IsSqlite(dbContext))
        {
            return null;
        }

        return SlotsByConnectionString.GetOrAdd(dbContext.Database.GetConnectionString() ?? string.Empty, static connectionString =>
        {
            var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
            return string.IsNullOrEmpty(dataSource) || string.Equals(dataSource, ":memory:", StringComparison.Ordinal)
                ? null
                : Slots.GetOrAdd(Path.GetFullPath(dataSource), _ => new Slot());
        });
    }

    private sealed class Slot
    {
        public long Version;

        public Snapshot? Snapshot;
    }

    private sealed record Snapshot(long Version, IReadOnlyList<WebhookEndpoint> Endpoints);
}
