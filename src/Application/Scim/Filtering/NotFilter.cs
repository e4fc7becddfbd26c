namespace ScimClean.Application.Scim.Filtering;

/// <summary><c>not (inner)</c>.</summary>
public sealed record NotFilter(FilterNode Inner) : FilterNode;
