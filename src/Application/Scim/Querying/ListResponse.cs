using System.Text.Json.Nodes;

namespace ScimClean.Application.Scim.Querying;

/// <summary>The ListResponse message of RFC 7644 §3.4.2.</summary>
public static class ListResponse
{
    public const string Schema = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    public static JsonObject Create(int totalResults, int startIndex, IEnumerable<JsonObject> resources)
    {
        var items = new JsonArray();
        foreach (var resource in resources)
        {
            items.Add(resource);
        }

        return new JsonObject
        {
            ["schemas"] = new JsonArray(Schema),
            ["totalResults"] = totalResults,
            ["startIndex"] = startIndex,
            ["itemsPerPage"] = items.Count,
            ["Resources"] = items,
        };
    }
}
