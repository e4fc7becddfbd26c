using System.Text.Json;
using System.Text.Json.Nodes;

namespace ScimClean.Application.Scim;

/// <summary>
/// The JSON of one resource as the API answers it. Most bodies are trees a handler built; a stored user read by
/// <c>GET /Users/{id}</c> is written straight from its stored document (<see cref="Users.StoredUserBody"/>), with no
/// tree built in between.
/// </summary>
public abstract class ScimResourceBody
{
    public static ScimResourceBody Of(JsonObject resource) => new Tree(resource);

    /// <summary>Writes the resource as one JSON object.</summary>
    public abstract void WriteTo(Utf8JsonWriter writer);

    /// <summary>
    /// The resource as a tree. A streamed body builds a new one on every call: this is for callers that look into a
    /// result (tests, other handlers), not for answering.
    /// </summary>
    public abstract JsonObject ToJsonObject();

    private sealed class Tree(JsonObject resource) : ScimResourceBody
    {
        public override void WriteTo(Utf8JsonWriter writer) => resource.WriteTo(writer);

        public override JsonObject ToJsonObject() => resource;
    }
}
