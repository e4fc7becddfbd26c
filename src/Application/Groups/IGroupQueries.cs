using ScimClean.Application.Scim.Querying;
using ScimClean.Domain.Groups;

namespace ScimClean.Application.Groups;

/// <summary>Read side of groups: filters, sorting and paging in the database.</summary>
public interface IGroupQueries
{
    /// <summary>Throws <see cref="UnsupportedFilterException"/> for a filter the store cannot evaluate.</summary>
    Task<ResourcePage<Group>> ListAsync(Guid organizationId, ResourceQuery query, CancellationToken cancellationToken);

    /// <summary>The direct members of the groups, with display names, streamed in one query.</summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyList<GroupMemberView>>> ListMembersAsync(
        Guid organizationId,
        IReadOnlyCollection<Guid> groupIds,
        CancellationToken cancellationToken);
}
