using System.Text.Json.Nodes;

namespace ScimClean.Application.Scim;

/// <summary>A SCIM resource as the API returns it, with its ETag and location.</summary>
public sealed record ScimResourceResult(JsonObject Resource, string ETag, string Location);
