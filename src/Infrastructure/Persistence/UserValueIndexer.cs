using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using ScimClean.Domain.Users;

namespace ScimClean.Infrastructure.Persistence;

/// <summary>
/// Keeps <see cref="UserValueRecord"/> rows in step with the users' documents inside the same SaveChanges:
/// for every added user, and every modified user whose document changed, the old rows are deleted and new ones
/// derived from the document. Deleted users lose their rows by the cascade.
/// </summary>
internal static class UserValueIndexer
{
    /// <summary>Multi-valued attributes copied into the side table; the query mapping uses the same list.</summary>
    public static IReadOnlyList<string> IndexedAttributes { get; } = ["emails"];

    public const string DocumentProperty = "_document";

    public static async Task SynchronizeAsync(ScimCleanDbContext dbContext, CancellationToken cancellationToken)
    {
        var changed = ChangedUsers(dbContext);
        if (changed.Count == 0)
        {
            return;
        }

        var modifiedIds = changed.Where(entry => entry.State == EntityState.Modified).Select(entry => entry.Entity.Id).ToList();
        if (modifiedIds.Count > 0)
        {
            var stale = await dbContext.UserValues.Where(record => modifiedIds.Contains(record.UserId)).ToListAsync(cancellationToken);
            dbContext.UserValues.RemoveRange(stale);
        }

        AddRows(dbContext, changed);
    }

    public static void Synchronize(ScimCleanDbContext dbContext)
    {
        var changed = ChangedUsers(dbContext);
        if (changed.Count == 0)
        {
            return;
        }

        var modifiedIds = changed.Where(entry => entry.State == EntityState.Modified).Select(entry => entry.Entity.Id).ToList();
        if (modifiedIds.Count > 0)
        {
            dbContext.UserValues.RemoveRange(dbContext.UserValues.Where(record => modifiedIds.Contains(record.UserId)).ToList());
        }

        AddRows(dbContext, changed);
    }

    /// <summary>The rows one user document yields (exposed for bulk loads that bypass the change tracker).</summary>
    public static IEnumerable<UserValueRecord> RowsFor(Guid userId, Guid organizationId, string document)
    {
        // Read-only and short-lived: a JsonDocument reads the few values wanted without building a node per value.
        using var parsed = JsonDocument.Parse(document);
        var root = parsed.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var rows = new List<UserValueRecord>();
        foreach (var attribute in IndexedAttributes)
        {
            if (!root.TryGetProperty(attribute, out var elements) || elements.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var element in elements.EnumerateArray())
            {
                if (element.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var value = ReadString(element, "value");
                rows.Add(new UserValueRecord
                {
                    UserId = userId,
                    OrganizationId = organizationId,
                    Attribute = attribute,
                    Type = ReadString(element, "type"),
                    Value = value,
                    NormalizedValue = value?.ToUpperInvariant(),
                    IsPrimary = element.TryGetProperty("primary", out var primary) && primary.ValueKind == JsonValueKind.True,
                });
            }
        }

        return rows;
    }

    private static List<EntityEntry<User>> ChangedUsers(ScimCleanDbContext dbContext)
    {
        // A caller that turned automatic detection off has detected the changes itself (the unit of work does, once).
        if (dbContext.ChangeTracker.AutoDetectChangesEnabled)
        {
            dbContext.ChangeTracker.DetectChanges();
        }

        return dbContext.ChangeTracker.Entries<User>()
            .Where(entry => entry.State == EntityState.Added
                || (entry.State == EntityState.Modified && entry.Property(DocumentProperty).IsModified))
            .ToList();
    }

    private static void AddRows(ScimCleanDbContext dbContext, IEnumerable<EntityEntry<User>> users)
    {
        foreach (var entry in users)
        {
            var document = (string?)entry.Property(DocumentProperty).CurrentValue ?? "{}";
            dbContext.UserValues.AddRange(RowsFor(entry.Entity.Id, entry.Entity.OrganizationId, document));
        }
    }

    private static string? ReadString(JsonElement element, string key) =>
        element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
