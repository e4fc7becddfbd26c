using System.Text.Json.Nodes;
using ScimClean.Application.Scim;

namespace ScimClean.Application.Users.CreateUser;

public sealed record CreateUserCommand(Guid OrganizationId, string ScimBaseUrl, JsonObject Body)
    : ICommand<Result<ScimResourceResult>>;
