namespace ScimClean.Application.Scim.Schemas;

public enum AttributeResolutionStatus
{
    /// <summary>The attribute is defined by a catalogued schema of the resource type.</summary>
    Found,

    /// <summary>The path is qualified by a URN the catalogue does not know: store the value as sent.</summary>
    CustomExtension,

    /// <summary>No such attribute for this resource type.</summary>
    NotFound,
}
