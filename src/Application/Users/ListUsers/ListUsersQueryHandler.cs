using System.Text.Json.Nodes;
using ScimClean.Application.Scim;
using ScimClean.Application.Scim.Querying;
using ScimClean.Application.Scim.Resources;
using ScimClean.Application.Scim.Schemas;

namespace ScimClean.Application.Users.ListUsers;

internal sealed class ListUsersQueryHandler(IUserQueries queries, IUserGroupQueries groupQueries, ScimLimits limits)
    : IQueryHandler<ListUsersQuery, Result<JsonObject>>
{
    public async ValueTask<Result<JsonObject>> Handle(ListUsersQuery query, CancellationToken cancellationToken)
    {
        var parsed = ResourceQueryParser.Parse(query.Parameters, limits);
        if (parsed.IsFailure)
        {
            return parsed.Error!;
        }

        ResourcePage<Domain.Users.User> page;
        try
        {
            page = await queries.ListAsync(query.OrganizationId, parsed.Value, cancellationToken);
        }
        catch (UnsupportedFilterException exception)
        {
            return ScimRequestErrors.InvalidFilter(exception.Message);
        }

        var projection = AttributeProjection.Create(
            ScimSchemas.UserResourceType, query.Parameters.Attributes, query.Parameters.ExcludedAttributes);
        var groups = page.Resources.Count == 0
            ? new Dictionary<Guid, IReadOnlyList<UserGroupView>>()
            : await groupQueries.ListGroupsOfAsync(
                query.OrganizationId, page.Resources.Select(user => user.Id).ToList(), cancellationToken);
        var resources = page.Resources.Select(user =>
            projection.Apply(UserResource.Render(user, query.ScimBaseUrl, groups.GetValueOrDefault(user.Id))));
        return ListResponse.Create(page.TotalResults, parsed.Value.StartIndex, resources);
    }
}
