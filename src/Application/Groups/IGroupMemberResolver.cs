using ScimClean.Domain.Groups;

namespace ScimClean.Application.Groups;

/// <summary>Tells which ids are users or groups of an organization, so that no membership ever dangles.</summary>
public interface IGroupMemberResolver
{
    Task<IReadOnlyDictionary<Guid, MemberType>> ResolveAsync(
        Guid organizationId,
        IReadOnlyCollection<Guid> ids,
        CancellationToken cancellationToken);
}
