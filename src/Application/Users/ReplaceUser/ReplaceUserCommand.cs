using System.Text.Json.Nodes;
using ScimClean.Application.Common.Behaviours;
using ScimClean.Application.Scim;

namespace ScimClean.Application.Users.ReplaceUser;

public sealed record ReplaceUserCommand(Guid OrganizationId, string ScimBaseUrl, string UserId, JsonObject Body, string? IfMatch)
    : ICommand<Result<ScimResourceResult>>, IRetryOnConcurrencyConflict, IQueueByResource
{
    public string ResourceKey => $"user:{OrganizationId}:{UserId}";
}
