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
            ? await users.FindDocumentAsync(query.OrganizationId, userId, cancellationToken)
            : null;
        if (found is null)
        {
            return UserErrors.NotFound(query.UserId);
        }

        // Without attributes or excludedAttributes (nearly every GET) the stored document is written as it is; a
        // projection is applied to a tree.
        var body = query.Attributes is null && query.ExcludedAttributes is null
            ? new StoredUserBody(found, query.ScimBaseUrl)
            : ScimResourceBody.Of(AttributeProjection.Apply(
                UserResource.Render(found, query.ScimBaseUrl),
                ScimSchemas.UserResourceType,
                query.Attributes,
                query.ExcludedAttributes));
        return new ScimResourceResult(body, ETag.For(found.Version), UserResource.LocationOf(query.ScimBaseUrl, found.Id));
    }
}
