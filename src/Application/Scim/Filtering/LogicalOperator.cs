namespace ScimClean.Application.Scim.Filtering;

/// <summary>SCIM logical operators joining two filters (RFC 7644 §3.4.2.2, table 4).</summary>
public enum LogicalOperator
{
    /// <summary><c>and</c>: both filters match.</summary>
    And,

    /// <summary><c>or</c>: either filter matches.</summary>
    Or,
}
