using System.Text.Json.Nodes;

namespace ScimClean.Application.Discovery.ListResourceTypes;

/// <summary>All resource types as a ListResponse, or one of them when <paramref name="Name"/> is given.</summary>
public sealed record ListResourceTypesQuery(string ScimBaseUrl, string? Name) : IQuery<Result<JsonObject>>;
