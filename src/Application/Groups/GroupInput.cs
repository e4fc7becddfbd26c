using System.Text.Json.Nodes;
using ScimClean.Application.Scim.Resources;
using ScimClean.Application.Scim.Schemas;
using ScimClean.Domain.Groups;

namespace ScimClean.Application.Groups;

/// <summary>A group body made canonical: its attributes, and its members (null when the body had none).</summary>
internal sealed record GroupInput(GroupAttributes Attributes, IReadOnlyList<string>? MemberIds)
{
    public static Result<GroupInput> From(JsonObject body)
    {
        var normalized = ScimResourceNormalizer.Normalize(body, ScimSchemas.GroupResourceType);
        if (!normalized.IsValid)
        {
            return normalized.Errors.ToError();
        }

        var document = normalized.Resource!;
        List<string>? memberIds = null;
        if (document["members"] is JsonArray members)
        {
            memberIds = [];
            foreach (var member in members)
            {
                if (member is not JsonObject element
                    || element["value"] is not JsonValue value
                    || !value.TryGetValue<string>(out var id))
                {
                    return Error.Validation("group.invalid_member", "each member needs a string 'value' (the member's id)");
                }

                memberIds.Add(id);
            }
        }

        var attributes = GroupAttributes.From(document);
        return attributes.IsSuccess ? new GroupInput(attributes.Value, memberIds) : attributes.Error!;
    }
}
