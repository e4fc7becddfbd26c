using System.Text.Json.Nodes;

namespace ScimClean.Application.Discovery.GetServiceProviderConfig;

public sealed record GetServiceProviderConfigQuery(string ScimBaseUrl) : IQuery<JsonObject>;
