namespace ScimClean.Application.Scim.Schemas;

/// <summary>
/// The result of resolving an attribute path. For a sub-attribute, <see cref="Attribute"/> is the sub-attribute
/// and <see cref="Parent"/> the complex attribute holding it.
/// </summary>
public sealed record AttributeResolution(
    AttributeResolutionStatus Status,
    string? SchemaUrn,
    SchemaAttribute? Attribute,
    SchemaAttribute? Parent)
{
    public static AttributeResolution NotFound { get; } = new(AttributeResolutionStatus.NotFound, null, null, null);

    public bool IsFound => Status == AttributeResolutionStatus.Found;

    public bool IsCustomExtension => Status == AttributeResolutionStatus.CustomExtension;

    /// <summary>True when the attribute is one of the common attributes (id, externalId, meta) or belongs to the core schema.</summary>
    public bool IsCommonOrCore(ResourceTypeDefinition resourceType) =>
        IsFound && string.Equals(SchemaUrn, resourceType.Schema, StringComparison.Ordinal);

    public static AttributeResolution Found(string schemaUrn, SchemaAttribute attribute, SchemaAttribute? parent = null) =>
        new(AttributeResolutionStatus.Found, schemaUrn, attribute, parent);

    public static AttributeResolution CustomExtension(string schemaUrn) =>
        new(AttributeResolutionStatus.CustomExtension, schemaUrn, null, null);
}
