using System.Text.Json.Nodes;
using ScimClean.Application.Common.Behaviours;
using ScimClean.Application.Scim;

namespace ScimClean.Application.Groups.ReplaceGroup;

public sealed record ReplaceGroupCommand(Guid OrganizationId, string ScimBaseUrl, string GroupId, JsonObject Body, string? IfMatch)
    : ICommand<Result<ScimResourceResult>>, IRetryOnConcurrencyConflict, IQueueByResource
{
    public string ResourceKey => $"group:{OrganizationId}:{GroupId}";
}
