using System.Text.Json.Nodes;
using ScimClean.Application.Scim;
using ScimClean.Application.Scim.Querying;
using ScimClean.Application.Scim.Resources;
using ScimClean.Application.Scim.Schemas;
using ScimClean.Domain.Groups;

namespace ScimClean.Application.Groups.ListGroups;

internal sealed class ListGroupsQueryHandler(IGroupQueries queries, ScimLimits limits) : IQueryHandler<ListGroupsQuery, Result<JsonObject>>
{
    public async ValueTask<Result<JsonObject>> Handle(ListGroupsQuery query, CancellationToken cancellationToken)
    {
        var parsed = ResourceQueryParser.Parse(query.Parameters, limits);
        if (parsed.IsFailure)
        {
            return parsed.Error!;
        }

        ResourcePage<Group> page;
        try
        {
            page = await queries.ListAsync(query.OrganizationId, parsed.Value, cancellationToken);
        }
        catch (UnsupportedFilterException exception)
        {
            return ScimRequestErrors.InvalidFilter(exception.Message);
        }

        var parameters = query.Parameters;
        IReadOnlyDictionary<Guid, IReadOnlyList<GroupMemberView>> members = new Dictionary<Guid, IReadOnlyList<GroupMemberView>>();
        if (page.Resources.Count > 0 && GroupResults.ReturnsMembers(parameters.Attributes, parameters.ExcludedAttributes))
        {
            members = await queries.ListMembersAsync(query.OrganizationId, page.Resources.Select(group => group.Id).ToList(), cancellationToken);
        }

        var projection = AttributeProjection.Create(ScimSchemas.GroupResourceType, parameters.Attributes, parameters.ExcludedAttributes);
        var resources = page.Resources.Select(group =>
            projection.Apply(GroupResource.Render(group, query.ScimBaseUrl, members.GetValueOrDefault(group.Id))));
        return ListResponse.Create(page.TotalResults, parsed.Value.StartIndex, resources);
    }
}
