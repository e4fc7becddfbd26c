using System.Text.Json.Nodes;

namespace ScimClean.Api.IntegrationTests.Scim.Users;

/// <summary>PatchOp request bodies, spelled the way Entra sends them (<c>Operations</c>).</summary>
public static class PatchBodies
{
    public const string PatchOpSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    /// <summary>The two Entra dialects: the default one, and the RFC-compliant one the URL flag turns on.</summary>
    public static TheoryData<string> Dialects => new("", "?aadOptscim062020");

    public static JsonObject PatchOp(params JsonObject[] operations) => new()
    {
        ["schemas"] = new JsonArray(PatchOpSchema),
        ["Operations"] = new JsonArray(operations),
    };

    /// <summary>One operation; a null path is left out, and so is a value when <paramref name="hasValue"/> is false.</summary>
    public static JsonObject Op(string op, string? path, JsonNode? value = null, bool hasValue = true)
    {
        var operation = new JsonObject { ["op"] = op };
        if (path is not null)
        {
            operation["path"] = path;
        }

        if (hasValue)
        {
            operation["value"] = value;
        }

        return operation;
    }

    public static JsonObject Patch(string op, string? path, JsonNode? value = null) => PatchOp(Op(op, path, value));
}
