using ScimClean.Application.Scim;
using ScimClean.Application.Scim.Resources;
using ScimClean.Application.Scim.Schemas;
using ScimClean.Domain.Users;

namespace ScimClean.Application.Users.GetUser;

internal sealed class GetUserQueryHandler(IUserQueries users)
    : IQueryHandler<GetUserQuery, Result<ScimResourceResult>>
{
    public async ValueTask<Result<ScimResourceResult>> Handle(GetUserQuery query, CancellationToken cancellationToken)
    {
        // An id that is not a GUID names no user (404, not 400).
        var found = Guid.TryParse(query.UserId, out var userId)
            ? await users.FindWithGroupsAsync(query.OrganizationId, userId, cancellationToken)
            : null;
        if (found is null)
        {
            return UserErrors.NotFound(query.UserId);
        }

        var result = UserResource.ToResult(found.User, query.ScimBaseUrl, found.Groups);
        var projected = AttributeProjection.Apply(
            result.Resource, ScimSchemas.UserResourceType, query.Attributes, query.ExcludedAttributes);
        return result with { Resource = projected };
    }
}
