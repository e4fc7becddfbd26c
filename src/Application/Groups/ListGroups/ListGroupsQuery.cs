using System.Text.Json.Nodes;
using ScimClean.Application.Common.Behaviours;
using ScimClean.Application.Scim.Querying;

namespace ScimClean.Application.Groups.ListGroups;

public sealed record ListGroupsQuery(Guid OrganizationId, string ScimBaseUrl, ListParameters Parameters)
    : IQuery<Result<JsonObject>>, IReadsSeveralTimes;
