using ScimClean.Application.Common.Behaviours;
using ScimClean.Application.Scim;

namespace ScimClean.Application.Groups.GetGroup;

public sealed record GetGroupQuery(
    Guid OrganizationId,
    string ScimBaseUrl,
    string GroupId,
    IReadOnlyCollection<string>? Attributes,
    IReadOnlyCollection<string>? ExcludedAttributes) : IQuery<Result<ScimResourceResult>>, IReadsSeveralTimes;
