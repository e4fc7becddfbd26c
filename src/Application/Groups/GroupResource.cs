using System.Text.Json.Nodes;
using ScimClean.Application.Scim;
using ScimClean.Domain.Groups;

namespace ScimClean.Application.Groups;

/// <summary>Renders a group as the SCIM API returns it: its document plus id, meta and (when loaded) members.</summary>
internal static class GroupResource
{
    public const string ResourceType = "Group";

    public static string LocationOf(string scimBaseUrl, Guid id) => $"{scimBaseUrl}/Groups/{id}";

    public static JsonObject Render(Group group, string scimBaseUrl, IReadOnlyList<GroupMemberView>? members)
    {
        var resource = new JsonObject { ["id"] = group.Id.ToString() };
        foreach (var (name, value) in group.Attributes.ToJson().ToList())
        {
            resource[name] = value?.DeepClone();
        }

        if (members is { Count: > 0 })
        {
            var array = new JsonArray();
            foreach (var member in members)
            {
                var element = new JsonObject
                {
                    ["value"] = member.Id.ToString(),
                    ["$ref"] = member.Type == MemberType.User
                        ? $"{scimBaseUrl}/Users/{member.Id}"
                        : LocationOf(scimBaseUrl, member.Id),
                    ["type"] = member.Type.ToString(),
                };
                if (member.Display is not null)
                {
                    element["display"] = member.Display;
                }

                array.Add(element);
            }

            resource["members"] = array;
        }

        resource["meta"] = ScimMeta.Create(
            ResourceType, group.CreatedAt, group.LastModifiedAt, LocationOf(scimBaseUrl, group.Id), group.Version);
        return resource;
    }
}
