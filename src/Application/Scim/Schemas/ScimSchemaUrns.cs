namespace ScimClean.Application.Scim.Schemas;

/// <summary>Schema URNs used by the service (RFC 7643 §3, §8.7, RFC 7644 §3).</summary>
public static class ScimSchemaUrns
{
    public const string User = "urn:ietf:params:scim:schemas:core:2.0:User";
    public const string EnterpriseUser = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public const string Group = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public const string Schema = "urn:ietf:params:scim:schemas:core:2.0:Schema";
    public const string ResourceType = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
    public const string ServiceProviderConfig = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";

    /// <summary>The prefix every SCIM schema URN (and URN-qualified attribute path) starts with.</summary>
    public const string UrnPrefix = "urn:";

    public static bool IsUrn(string value) => value.StartsWith(UrnPrefix, StringComparison.OrdinalIgnoreCase);
}
