using System.Text.Json.Serialization;

namespace ScimClean.Api.ScimErrors;

/// <summary>The SCIM error body (RFC 7644 §3.12); <c>status</c> is a string, as the RFC's examples and Entra expect.</summary>
public sealed record ScimErrorResponse(
    [property: JsonPropertyName("schemas")] string[] Schemas,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("scimType"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ScimType,
    [property: JsonPropertyName("detail")] string Detail)
{
    public const string ErrorSchema = "urn:ietf:params:scim:api:messages:2.0:Error";

    public static ScimErrorResponse Create(int status, string? scimType, string detail) =>
        new([ErrorSchema], status.ToString(System.Globalization.CultureInfo.InvariantCulture), scimType, detail);
}
