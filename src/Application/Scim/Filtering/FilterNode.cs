namespace ScimClean.Application.Scim.Filtering;

/// <summary>
/// Base of the SCIM filter syntax tree produced by <see cref="FilterParser"/>.
/// Derived nodes: <see cref="ComparisonFilter"/>, <see cref="LogicalFilter"/>, <see cref="NotFilter"/>
/// and <see cref="ValuePathFilter"/>.
/// </summary>
public abstract record FilterNode;
