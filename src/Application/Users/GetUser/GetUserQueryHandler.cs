using ScimClean.Application.Scim;
using ScimClean.Application.Scim.Resources;
using ScimClean.Application.Scim.Schemas;
using ScimClean.Domain.Users;

namespace ScimClean.Application.Users.GetUser;

internal sealed class GetUserQueryHandler(IUserQueries users, IUserGroupQueries groupQueries)
    : IQueryHandler<GetUserQuery, Result<ScimResourceResult>>
{
    public async ValueTask<Result<ScimResourceResult>> Handle(GetUserQuery query, CancellationToken cancellationToken)
    {
        // An id that is not a GUID names no user (404, not 400).
        var user = Guid.TryParse(query.UserId, out var userId)
            ? await users.FindAsync(query.OrganizationId, userId, cancellationToken)
            : null;
        if (user is null)
        {
            return UserErrors.NotFound(query.UserId);
        }

        var result = await UserResource.ToResultAsync(user, query.ScimBaseUrl, groupQueries, cancellationToken);
        var projected = AttributeProjection.Apply(
            result.Resource, ScimSchemas.UserResourceType, query.Attributes, query.ExcludedAttributes);
        return result with { Resource = projected };
    }
}
