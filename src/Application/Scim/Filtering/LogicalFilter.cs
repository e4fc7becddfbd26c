namespace ScimClean.Application.Scim.Filtering;

/// <summary><c>left and right</c> / <c>left or right</c>. Chains are left-associative: <c>a and b and c</c> is <c>And(And(a, b), c)</c>.</summary>
public sealed record LogicalFilter(LogicalOperator Op, FilterNode Left, FilterNode Right) : FilterNode;
