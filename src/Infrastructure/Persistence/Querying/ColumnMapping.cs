namespace ScimClean.Infrastructure.Persistence.Querying;

/// <summary>A column holding an attribute's value and how filters compare with it.</summary>
internal sealed record ColumnMapping(string Column, ColumnComparison Comparison);
