using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using ScimClean.Domain.Audit;
using ScimClean.Domain.Groups;
using ScimClean.Domain.Organizations;
using ScimClean.Domain.Users;
using ScimClean.Domain.Webhooks;
using ScimClean.Infrastructure.Persistence.Sqlite;
using ScimClean.Infrastructure.Webhooks;

namespace ScimClean.Infrastructure.Persistence;

/// <summary>
/// The one database of the service. Provider-specific subclasses exist only so that each provider keeps
/// its own migrations; the model is the same.
/// </summary>
public abstract class ScimCleanDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>Data Protection keys (they encrypt webhook secrets), shared by every instance through the database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<User> Users => Set<User>();

    public DbSet<Group> Groups => Set<Group>();

    public DbSet<GroupMembership> GroupMemberships => Set<GroupMembership>();

    public DbSet<WebhookEvent> WebhookEvents => Set<WebhookEvent>();

    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    internal DbSet<AdminApiKeyRecord> AdminApiKeys => Set<AdminApiKeyRecord>();

    internal DbSet<UserValueRecord> UserValues => Set<UserValueRecord>();

    // Resolved once per context instance: pooled contexts are reused with the same options.
    private SqliteInsertWriter? _insertWriter;
    private bool _insertWriterResolved;

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        UserValueIndexer.Synchronize(this);
        using var detected = ChangesDetected();
        var endpointsChange = ChangesWebhookEndpoints();
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            if (endpointsChange)
            {
                EnabledWebhookEndpoints.Changing(this);
            }
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await UserValueIndexer.SynchronizeAsync(this, cancellationToken);
        using var detected = ChangesDetected();
        if (!ChangeTracker.HasChanges())
        {
            // Most commands of a read (the token check) change nothing: they must not queue behind real writes.
            return 0;
        }

        var endpointsChange = ChangesWebhookEndpoints();
        try
        {
            if (acceptAllChangesOnSuccess && InsertWriter is { } writer && writer.TryCollect(this) is { } inserts)
            {
                // Only added rows of plain tables: written with the next group commit (see SqliteInsertWriter).
                return await writer.SaveAsync(this, inserts, cancellationToken);
            }

            return await WriteGate.RunAsync(
                this, () => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken), cancellationToken);
        }
        finally
        {
            if (endpointsChange)
            {
                EnabledWebhookEndpoints.Changing(this);
            }
        }
    }

    /// <summary>
    /// The SQLite insert writer of the service (a singleton of the application's container, which pooled contexts reach
    /// through their options); none on PostgreSQL or for a context made without the container, as in some tests.
    /// </summary>
    private SqliteInsertWriter? InsertWriter
    {
        get
        {
            if (!_insertWriterResolved)
            {
                _insertWriter = DatabaseKind.IsSqlite(this)
                    ? this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider
                        ?.GetService(typeof(SqliteInsertWriter)) as SqliteInsertWriter
                    : null;
                _insertWriterResolved = true;
            }

            return _insertWriter;
        }
    }

    /// <summary>
    /// The value index has just detected the changes (or its caller has): the checks of the save and EF's own save need
    /// not scan every tracked entity again. Detection is restored when the returned scope ends.
    /// </summary>
    private AutoDetectRestorer ChangesDetected()
    {
        var restorer = new AutoDetectRestorer(ChangeTracker, ChangeTracker.AutoDetectChangesEnabled);
        ChangeTracker.AutoDetectChangesEnabled = false;
        return restorer;
    }

    /// <summary>
    /// Whether this save adds, changes or removes a webhook endpoint; if so the kept list of enabled endpoints is
    /// forgotten now and again once the write is over (see <see cref="EnabledWebhookEndpoints"/>).
    /// </summary>
    private bool ChangesWebhookEndpoints()
    {
        foreach (var entry in ChangeTracker.Entries<WebhookEndpoint>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                EnabledWebhookEndpoints.Changing(this);
                return true;
            }
        }

        return false;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ScimCleanDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Stored as UTC DateTime: comparable and sortable on every provider (SQLite cannot order DateTimeOffset).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcDateTimeOffsetConverter>();
    }

    private readonly struct AutoDetectRestorer(ChangeTracker changeTracker, bool enabled) : IDisposable
    {
        public void Dispose() => changeTracker.AutoDetectChangesEnabled = enabled;
    }
}
