namespace ScimClean.Infrastructure.Persistence.Querying;

/// <summary>The pattern operators of SCIM filters: <c>co</c>, <c>sw</c>, <c>ew</c>.</summary>
internal enum StringMatch
{
    Contains,
    StartsWith,
    EndsWith,
}
