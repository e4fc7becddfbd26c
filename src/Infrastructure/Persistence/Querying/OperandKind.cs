namespace ScimClean.Infrastructure.Persistence.Querying;

/// <summary>How the filter value is compared with an operand (see <see cref="ColumnComparison"/>).</summary>
internal enum OperandKind
{
    CaseExactString,
    CaseInsensitiveString,
    NormalizedString,
    Boolean,
    DateTime,
    Guid,
}
