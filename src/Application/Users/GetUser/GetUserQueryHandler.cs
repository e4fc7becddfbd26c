using ScimClean.Application.Scim;
using ScimClean.Application.Scim.Resources;
using ScimClean.Application.Scim.Schemas;

namespace ScimClean.Application.Users.GetUser;

internal sealed class GetUserQueryHandler(IUserRepository users, IUserGroupQueries groupQueries)
    : IQueryHandler<GetUserQuery, Result<ScimResourceResult>>
{
    public async ValueTask<Result<ScimResourceResult>> Handle(GetUserQuery query, CancellationToken cancellationToken)
    {
        var user = await users.FindAsync(query.OrganizationId, query.UserId, cancellationToken);
        if (user.IsFailure)
        {
            return user.Error!;
        }

        var result = await UserResource.ToResultAsync(user.Value, query.ScimBaseUrl, groupQueries, cancellationToken);
        var projected = AttributeProjection.Apply(
            result.Resource, ScimSchemas.UserResourceType, query.Attributes, query.ExcludedAttributes);
        return result with { Resource = projected };
    }
}
