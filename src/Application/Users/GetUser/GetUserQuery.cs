using ScimClean.Application.Scim;

namespace ScimClean.Application.Users.GetUser;

public sealed record GetUserQuery(
    Guid OrganizationId,
    string ScimBaseUrl,
    string UserId,
    IReadOnlyCollection<string>? Attributes,
    IReadOnlyCollection<string>? ExcludedAttributes) : IQuery<Result<ScimResourceResult>>;
