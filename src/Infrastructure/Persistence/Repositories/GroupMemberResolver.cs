using ScimClean.Application.Groups;
using ScimClean.Domain.Groups;

namespace ScimClean.Infrastructure.Persistence.Repositories;

internal sealed class GroupMemberResolver(ScimCleanDbContext dbContext) : IGroupMemberResolver
{
    private const int BatchSize = 500;

    public async Task<IReadOnlyDictionary<Guid, MemberType>> ResolveAsync(
        Guid organizationId,
        IReadOnlyCollection<Guid> ids,
        CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<Guid, MemberType>();
        foreach (var batch in ids.Distinct().Chunk(BatchSize))
        {
            var users = await dbContext.Users
                .Where(user => user.OrganizationId == organizationId && batch.Contains(user.Id))
                .Select(user => user.Id)
                .ToListAsync(cancellationToken);
            users.ForEach(id => resolved[id] = MemberType.User);

            var remaining = batch.Where(id => !resolved.ContainsKey(id)).ToArray();
            if (remaining.Length == 0)
            {
                continue;
            }

            var groups = await dbContext.Groups
                .Where(group => group.OrganizationId == organizationId && remaining.Contains(group.Id))
                .Select(group => group.Id)
                .ToListAsync(cancellationToken);
            groups.ForEach(id => resolved[id] = MemberType.Group);
        }

        // Groups created earlier in this same unit of work are not in the database yet.
        foreach (var entry in dbContext.ChangeTracker.Entries<Group>())
        {
            if (entry.State == EntityState.Added && entry.Entity.OrganizationId == organizationId && ids.Contains(entry.Entity.Id))
            {
                resolved[entry.Entity.Id] = MemberType.Group;
            }
        }

        return resolved;
    }
}
