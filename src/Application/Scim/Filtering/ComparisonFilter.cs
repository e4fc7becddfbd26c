namespace ScimClean.Application.Scim.Filtering;

/// <summary>
/// <c>attrPath op value</c> or <c>attrPath pr</c>.
/// <see cref="Value"/> is <see langword="null"/> exactly when <see cref="Op"/> is <see cref="ComparisonOperator.Pr"/>.
/// Inside a <see cref="ValuePathFilter"/> the <see cref="Path"/> is relative to the value path's attribute
/// (e.g. <c>type</c> in <c>emails[type eq "work"]</c> is the sub-attribute <c>emails.type</c>).
/// </summary>
public sealed record ComparisonFilter(AttributePath Path, ComparisonOperator Op, FilterValue? Value) : FilterNode;
