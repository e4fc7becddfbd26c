using System.Text.Json.Nodes;

namespace ScimClean.Application.Scim;

/// <summary>A SCIM resource as the API returns it, with its ETag and location.</summary>
public sealed record ScimResourceResult(ScimResourceBody Body, string ETag, string Location)
{
    public ScimResourceResult(JsonObject resource, string eTag, string location)
        : this(ScimResourceBody.Of(resource), eTag, location)
    {
    }

    /// <summary>The resource as a tree (built on each call when the body is streamed; see <see cref="ScimResourceBody.ToJsonObject"/>).</summary>
    public JsonObject Resource => Body.ToJsonObject();
}
