using System.Text.Json.Nodes;
using ScimClean.Application.Scim.Querying;

namespace ScimClean.Application.Users.ListUsers;

public sealed record ListUsersQuery(Guid OrganizationId, string ScimBaseUrl, ListParameters Parameters)
    : IQuery<Result<JsonObject>>;
