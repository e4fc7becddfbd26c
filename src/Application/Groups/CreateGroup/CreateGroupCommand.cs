using System.Text.Json.Nodes;
using ScimClean.Application.Scim;

namespace ScimClean.Application.Groups.CreateGroup;

public sealed record CreateGroupCommand(Guid OrganizationId, string ScimBaseUrl, JsonObject Body)
    : ICommand<Result<ScimResourceResult>>;
