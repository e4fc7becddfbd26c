using System.Text.Json.Nodes;
using ScimClean.Application.Common.Behaviours;

namespace ScimClean.Application.Groups.PatchGroup;

/// <summary>PATCH a group; answers with its new ETag (the API answers 204, or 200 with the resource when asked).</summary>
public sealed record PatchGroupCommand(Guid OrganizationId, string GroupId, JsonObject Body, string? IfMatch)
    : ICommand<Result<string>>, IRetryOnConcurrencyConflict, IQueueByResource
{
    public string ResourceKey => $"group:{OrganizationId}:{GroupId}";
}
