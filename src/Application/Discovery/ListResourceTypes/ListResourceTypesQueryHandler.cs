using System.Text.Json.Nodes;
using ScimClean.Application.Scim.Querying;
using ScimClean.Application.Scim.Schemas;

namespace ScimClean.Application.Discovery.ListResourceTypes;

internal sealed class ListResourceTypesQueryHandler : IQueryHandler<ListResourceTypesQuery, Result<JsonObject>>
{
    public ValueTask<Result<JsonObject>> Handle(ListResourceTypesQuery query, CancellationToken cancellationToken)
    {
        if (query.Name is null)
        {
            var all = DiscoveryDocuments.ResourceTypes(query.ScimBaseUrl);
            return ValueTask.FromResult<Result<JsonObject>>(ListResponse.Create(all.Count, 1, all));
        }

        var definition = ScimSchemas.FindResourceType(query.Name);
        return ValueTask.FromResult<Result<JsonObject>>(definition is null
            ? DiscoveryErrors.ResourceTypeNotFound(query.Name)
            : DiscoveryDocuments.ResourceType(definition, query.ScimBaseUrl));
    }
}
