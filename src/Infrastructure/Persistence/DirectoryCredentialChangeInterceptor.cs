using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ScimClean.Application.DirectorySync.AuthenticateDirectory;
using ScimClean.Domain.Organizations;

namespace ScimClean.Infrastructure.Persistence;

/// <summary>
/// Empties the <see cref="DirectoryCredentialCache"/> whenever a SaveChanges touches what decides a SCIM token check:
/// an organization's tokens (enable, rotate, disable), its sync switch, or the organization itself (delete).
/// Watching the commit, not the commands, means a new way of changing tokens cannot forget to invalidate.
/// </summary>
internal sealed class DirectoryCredentialChangeInterceptor(DirectoryCredentialCache cache) : SaveChangesInterceptor
{
    private static readonly object Marker = new();

    // Interceptors are shared by every context: remember per context that its pending save changes credentials.
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Inspect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Inspect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Complete(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData,
        int result,
        CancellationToken cancellationToken = default)
    {
        Complete(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Complete(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Complete(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>Whether the pending changes of <paramref name="context"/> touch credentials.</summary>
    internal static bool ChangesCredentials(DbContext context)
    {
        foreach (var entry in context.ChangeTracker.Entries())
        {
            switch (entry.Entity)
            {
                case DirectoryToken when entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted:
                case Organization when entry.State is EntityState.Deleted:
                    return true;
                case Organization when entry.State is EntityState.Modified:
                    // The minute-by-minute note of the last SCIM request is the one change that does not matter.
                    if (entry.Properties.Any(property => property.IsModified
                        && property.Metadata.Name != nameof(Organization.LastScimRequestAt)))
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    private void Inspect(DbContext? context)
    {
        if (context is null || !ChangesCredentials(context))
        {
            return;
        }

        // Before the commit as well as after it: nothing cached from here on outlives the change.
        cache.Invalidate();
        _pending.AddOrUpdate(context, Marker);
    }

    private void Complete(DbContext? context)
    {
        if (context is not null && _pending.Remove(context))
        {
            // After the commit: an entry built by a check that read the old state meanwhile is discarded too.
            cache.Invalidate();
        }
    }
}
