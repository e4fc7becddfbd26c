namespace ScimClean.Infrastructure.Persistence.Querying;

/// <summary>The left-hand side of a comparison: an SQL expression, its comparison semantics and its presence test.</summary>
internal sealed record SqlOperand(string Sql, OperandKind Kind, string PresentSql, string AttributeName);
