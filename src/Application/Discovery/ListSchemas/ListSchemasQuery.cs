using System.Text.Json.Nodes;

namespace ScimClean.Application.Discovery.ListSchemas;

/// <summary>All schemas as a ListResponse, or one of them when <paramref name="Urn"/> is given.</summary>
public sealed record ListSchemasQuery(string ScimBaseUrl, string? Urn) : IQuery<Result<JsonObject>>;
