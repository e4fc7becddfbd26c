using System.Text.Json;
using System.Text.Json.Nodes;
using ScimClean.Application.Scim;
using ScimClean.Application.Scim.Resources;
using ScimClean.Application.Scim.Schemas;

namespace ScimClean.Application.Users;

/// <summary>
/// A stored user under the default projection, written straight from its stored document: id, the document's
/// attributes, groups, meta, the same JSON <see cref="UserResource.Render(StoredUserDocument, string)"/> and
/// <see cref="AttributeProjection"/> would make, without parsing the document into a tree, copying it and walking it.
/// </summary>
/// <remarks>
/// The hottest read of the service (<c>GET /Users/{id}</c>); the tree cost about a sixth of its CPU. A document the
/// default projection might change (see <see cref="DefaultProjectionCheck"/>) is written through the tree instead.
/// </remarks>
internal sealed class StoredUserBody(StoredUserDocument user, string scimBaseUrl) : ScimResourceBody
{
    public override void WriteTo(Utf8JsonWriter writer)
    {
        if (!DefaultProjectionCheck.KeepsWhole(user.Attributes.Span))
        {
            ToJsonObject().WriteTo(writer);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("id", user.Id);
        // Property by property through the writer (not copied raw), so names and strings are escaped as the tree path
        // escapes them whatever wrote the stored text.
        using (var attributes = JsonDocument.Parse(user.Attributes))
        {
            foreach (var attribute in attributes.RootElement.EnumerateObject())
            {
                attribute.WriteTo(writer);
            }
        }

        if (user.Groups.Count > 0)
        {
            writer.WriteStartArray("groups");
            foreach (var group in user.Groups)
            {
                writer.WriteStartObject();
                writer.WriteString("value", group.GroupId);
                writer.WriteString("$ref", UserResource.GroupLocationOf(scimBaseUrl, group.GroupId));
                writer.WriteString("display", group.Display);
                writer.WriteString("type", "direct");
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        ScimMeta.Write(
            writer,
            UserResource.ResourceType,
            user.CreatedAt,
            user.LastModifiedAt,
            UserResource.LocationOf(scimBaseUrl, user.Id),
            user.Version);
        writer.WriteEndObject();
    }

    public override JsonObject ToJsonObject() =>
        AttributeProjection.Apply(UserResource.Render(user, scimBaseUrl), ScimSchemas.UserResourceType, null, null);
}
