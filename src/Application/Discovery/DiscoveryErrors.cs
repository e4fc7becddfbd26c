namespace ScimClean.Application.Discovery;

internal static class DiscoveryErrors
{
    public static Error ResourceTypeNotFound(string name) =>
        Error.NotFound("scim.resource_type_not_found", $"no resource type named '{name}'");

    public static Error SchemaNotFound(string urn) => Error.NotFound("scim.schema_not_found", $"no schema '{urn}'");
}
