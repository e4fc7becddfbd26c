using ScimClean.Application.Scim;
using ScimClean.Application.Scim.Resources;
using ScimClean.Application.Scim.Schemas;
using ScimClean.Domain.Groups;

namespace ScimClean.Application.Groups;

internal static class GroupResults
{
    /// <summary>
    /// Renders a group for a response. Members are read only when the projection returns them: Entra sends
    /// excludedAttributes=members on every group read, and a 50,000-member group must then cost one row.
    /// </summary>
    public static async Task<ScimResourceResult> RenderAsync(
        Group group,
        string scimBaseUrl,
        IGroupQueries queries,
        IReadOnlyCollection<string>? attributes,
        IReadOnlyCollection<string>? excludedAttributes,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<GroupMemberView>? members = null;
        if (ReturnsMembers(attributes, excludedAttributes))
        {
            var byGroup = await queries.ListMembersAsync(group.OrganizationId, [group.Id], cancellationToken);
            members = byGroup.GetValueOrDefault(group.Id);
        }

        var resource = GroupResource.Render(group, scimBaseUrl, members);
        var projected = AttributeProjection.Apply(resource, ScimSchemas.GroupResourceType, attributes, excludedAttributes);
        return new ScimResourceResult(projected, ETag.For(group.Version), GroupResource.LocationOf(scimBaseUrl, group.Id));
    }

    public static bool ReturnsMembers(IReadOnlyCollection<string>? attributes, IReadOnlyCollection<string>? excludedAttributes)
    {
        static bool NamesMembers(string path) =>
            path.Equals("members", StringComparison.OrdinalIgnoreCase)
            || path.StartsWith("members.", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(":members", StringComparison.OrdinalIgnoreCase)
            || path.Contains(":members.", StringComparison.OrdinalIgnoreCase);

        if (excludedAttributes is not null && excludedAttributes.Any(path => NamesMembers(path) && !path.Contains('.', StringComparison.Ordinal)))
        {
            return false;
        }

        return attributes is null || attributes.Count == 0 || attributes.Any(NamesMembers);
    }
}
