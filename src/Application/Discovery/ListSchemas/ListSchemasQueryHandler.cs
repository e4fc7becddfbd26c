using System.Text.Json.Nodes;
using ScimClean.Application.Scim.Querying;
using ScimClean.Application.Scim.Schemas;

namespace ScimClean.Application.Discovery.ListSchemas;

internal sealed class ListSchemasQueryHandler : IQueryHandler<ListSchemasQuery, Result<JsonObject>>
{
    public ValueTask<Result<JsonObject>> Handle(ListSchemasQuery query, CancellationToken cancellationToken)
    {
        if (query.Urn is null)
        {
            var all = DiscoveryDocuments.Schemas(query.ScimBaseUrl);
            return ValueTask.FromResult<Result<JsonObject>>(ListResponse.Create(all.Count, 1, all));
        }

        var schema = ScimSchemas.FindSchema(query.Urn);
        return ValueTask.FromResult<Result<JsonObject>>(schema is null
            ? DiscoveryErrors.SchemaNotFound(query.Urn)
            : DiscoveryDocuments.Schema(schema, query.ScimBaseUrl));
    }
}
