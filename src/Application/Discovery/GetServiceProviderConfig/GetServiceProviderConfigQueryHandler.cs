using System.Text.Json.Nodes;
using ScimClean.Application.Scim;
using ScimClean.Application.Scim.Schemas;

namespace ScimClean.Application.Discovery.GetServiceProviderConfig;

internal sealed class GetServiceProviderConfigQueryHandler(ScimLimits limits) : IQueryHandler<GetServiceProviderConfigQuery, JsonObject>
{
    public ValueTask<JsonObject> Handle(GetServiceProviderConfigQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(DiscoveryDocuments.ServiceProviderConfig(
            ScimCapabilities.Current with { MaxResults = limits.MaxPageSize }, query.ScimBaseUrl));
}
