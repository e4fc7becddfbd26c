using ScimClean.Application.Scim.Schemas;
using ScimClean.Infrastructure.Persistence.Configurations;

namespace ScimClean.Infrastructure.Persistence.Querying;

/// <summary>
/// Where the Group resource type lives: the <c>Groups</c> table and its promoted columns; <c>members</c> is the
/// membership table (never in the document), so <c>members[value eq "id"]</c> is an index seek.
/// </summary>
internal static class GroupTableMapping
{
    public static ResourceTableMapping Instance { get; } = new()
    {
        ResourceType = ScimSchemas.GroupResourceType,
        TableName = "Groups",
        IdColumn = "Id",
        OrganizationColumn = "OrganizationId",
        DocumentColumn = UserConfiguration.DocumentColumn,
        PromotedAttributes =
        [
            Promoted("id", null, "Id", ColumnComparison.Guid),
            Promoted("externalId", null, "ExternalId", ColumnComparison.CaseExact),
            Promoted("displayName", null, "NormalizedDisplayName", ColumnComparison.Normalized),
            Promoted("meta", "created", "CreatedAt", ColumnComparison.DateTime),
            Promoted("meta", "lastModified", "LastModifiedAt", ColumnComparison.DateTime),
        ],
        MultiValuedTables =
        [
            new MultiValuedTableMapping(
                ScimSchemaUrns.Group,
                "members",
                "GroupMemberships",
                "GroupId",
                "OrganizationId",
                DiscriminatorColumn: null,
                DiscriminatorValue: null,
                new Dictionary<string, ColumnMapping>(StringComparer.OrdinalIgnoreCase)
                {
                    ["value"] = new("MemberId", ColumnComparison.Guid),
                    ["type"] = new("MemberType", ColumnComparison.CaseInsensitive),
                },
                StoredInDocument: false),
        ],
        AttributesNotInDocument = new HashSet<string>(["meta", "members"], StringComparer.OrdinalIgnoreCase),
    };

    private static PromotedAttribute Promoted(string name, string? sub, string column, ColumnComparison comparison) =>
        new(ScimSchemaUrns.Group, name, sub, new ColumnMapping(column, comparison));
}
