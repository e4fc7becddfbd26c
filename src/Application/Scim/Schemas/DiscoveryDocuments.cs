using System.Text.Json.Nodes;

namespace ScimClean.Application.Scim.Schemas;

/// <summary>
/// Builds the discovery documents (RFC 7643 §5–7) from the schema catalogue.
/// <c>baseLocation</c> is the absolute base URL of the SCIM service (e.g. "https://host/scim/v2"); a trailing '/' is ignored.
/// </summary>
public static class DiscoveryDocuments
{
    public static JsonObject ServiceProviderConfig(ServiceProviderCapabilities capabilities, string? baseLocation = null)
    {
        var schemes = new JsonArray();
        foreach (var scheme in capabilities.AuthenticationSchemes)
        {
            var node = new JsonObject
            {
                ["type"] = scheme.Type,
                ["name"] = scheme.Name,
                ["description"] = scheme.Description,
            };
            AddIfNotNull(node, "specUri", scheme.SpecUri);
            AddIfNotNull(node, "documentationUri", scheme.DocumentationUri);
            node["primary"] = scheme.Primary;
            schemes.Add(node);
        }

        var document = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemaUrns.ServiceProviderConfig),
        };
        AddIfNotNull(document, "documentationUri", capabilities.DocumentationUri);
        document["patch"] = new JsonObject { ["supported"] = capabilities.PatchSupported };
        document["bulk"] = new JsonObject
        {
            ["supported"] = capabilities.BulkSupported,
            ["maxOperations"] = 0,
            ["maxPayloadSize"] = 0,
        };
        document["filter"] = new JsonObject
        {
            ["supported"] = capabilities.FilterSupported,
            ["maxResults"] = capabilities.MaxResults,
        };
        document["changePassword"] = new JsonObject { ["supported"] = capabilities.ChangePasswordSupported };
        document["sort"] = new JsonObject { ["supported"] = capabilities.SortSupported };
        document["etag"] = new JsonObject { ["supported"] = capabilities.EtagSupported };
        document["authenticationSchemes"] = schemes;
        document["meta"] = Meta("ServiceProviderConfig", baseLocation is null ? null : $"{Trim(baseLocation)}/ServiceProviderConfig");
        return document;
    }

    public static JsonObject ResourceType(ResourceTypeDefinition resourceType, string baseLocation)
    {
        var extensions = new JsonArray();
        foreach (var extension in resourceType.SchemaExtensions)
        {
            extensions.Add(new JsonObject
            {
                ["schema"] = extension.Schema,
                ["required"] = extension.Required,
            });
        }

        return new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemaUrns.ResourceType),
            ["id"] = resourceType.Name,
            ["name"] = resourceType.Name,
            ["endpoint"] = resourceType.Endpoint,
            ["description"] = resourceType.Description,
            ["schema"] = resourceType.Schema,
            ["schemaExtensions"] = extensions,
            ["meta"] = Meta("ResourceType", $"{Trim(baseLocation)}/ResourceTypes/{resourceType.Name}"),
        };
    }

    public static JsonObject Schema(ScimSchema schema, string baseLocation) =>
        new()
        {
            ["schemas"] = new JsonArray(ScimSchemaUrns.Schema),
            ["id"] = schema.Id,
            ["name"] = schema.Name,
            ["description"] = schema.Description,
            ["attributes"] = Attributes(schema.Attributes),
            ["meta"] = Meta("Schema", $"{Trim(baseLocation)}/Schemas/{schema.Id}"),
        };

    /// <summary>All resource types of the catalogue, for GET /ResourceTypes.</summary>
    public static IReadOnlyList<JsonObject> ResourceTypes(string baseLocation) =>
        [.. ScimSchemas.ResourceTypes.Select(resourceType => ResourceType(resourceType, baseLocation))];

    /// <summary>All schemas of the catalogue, for GET /Schemas.</summary>
    public static IReadOnlyList<JsonObject> Schemas(string baseLocation) =>
        [.. ScimSchemas.All.Select(schema => Schema(schema, baseLocation))];

    public static JsonObject Attribute(SchemaAttribute attribute)
    {
        var node = new JsonObject
        {
            ["name"] = attribute.Name,
            ["type"] = attribute.Type.ToScimName(),
            ["multiValued"] = attribute.MultiValued,
            ["description"] = attribute.Description,
            ["required"] = attribute.Required,
        };

        if (attribute.CanonicalValues.Count > 0)
        {
            node["canonicalValues"] = StringArray(attribute.CanonicalValues);
        }

        node["caseExact"] = attribute.CaseExact;
        node["mutability"] = attribute.Mutability.ToScimName();
        node["returned"] = attribute.Returned.ToScimName();
        node["uniqueness"] = attribute.Uniqueness.ToScimName();

        if (attribute.ReferenceTypes.Count > 0)
        {
            node["referenceTypes"] = StringArray(attribute.ReferenceTypes);
        }

        if (attribute.SubAttributes.Count > 0)
        {
            node["subAttributes"] = Attributes(attribute.SubAttributes);
        }

        return node;
    }

    private static JsonArray Attributes(IReadOnlyList<SchemaAttribute> attributes)
    {
        var array = new JsonArray();
        foreach (var attribute in attributes)
        {
            array.Add(Attribute(attribute));
        }

        return array;
    }

    private static JsonArray StringArray(IReadOnlyList<string> values)
    {
        var array = new JsonArray();
        foreach (var value in values)
        {
            array.Add(value);
        }

        return array;
    }

    private static JsonObject Meta(string resourceType, string? location)
    {
        var meta = new JsonObject { ["resourceType"] = resourceType };
        AddIfNotNull(meta, "location", location);
        return meta;
    }

    private static void AddIfNotNull(JsonObject node, string name, string? value)
    {
        if (value is not null)
        {
            node[name] = value;
        }
    }

    private static string Trim(string baseLocation) => baseLocation.TrimEnd('/');
}
