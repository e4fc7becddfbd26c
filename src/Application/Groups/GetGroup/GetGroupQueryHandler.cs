using ScimClean.Application.Scim;

namespace ScimClean.Application.Groups.GetGroup;

internal sealed class GetGroupQueryHandler(IGroupRepository groups, IGroupQueries queries)
    : IQueryHandler<GetGroupQuery, Result<ScimResourceResult>>
{
    public async ValueTask<Result<ScimResourceResult>> Handle(GetGroupQuery query, CancellationToken cancellationToken)
    {
        var group = await groups.FindAsync(query.OrganizationId, query.GroupId, cancellationToken);
        return group.IsFailure
            ? group.Error!
            : await GroupResults.RenderAsync(
                group.Value, query.ScimBaseUrl, queries, query.Attributes, query.ExcludedAttributes, cancellationToken);
    }
}
