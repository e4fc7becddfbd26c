namespace ScimClean.Application.Scim.Filtering;

/// <summary>SCIM attribute operators (RFC 7644 §3.4.2.2, table 3).</summary>
public enum ComparisonOperator
{
    /// <summary><c>eq</c>: equal.</summary>
    Eq,

    /// <summary><c>ne</c>: not equal.</summary>
    Ne,

    /// <summary><c>co</c>: contains.</summary>
    Co,

    /// <summary><c>sw</c>: starts with.</summary>
    Sw,

    /// <summary><c>ew</c>: ends with.</summary>
    Ew,

    /// <summary><c>gt</c>: greater than.</summary>
    Gt,

    /// <summary><c>ge</c>: greater than or equal.</summary>
    Ge,

    /// <summary><c>lt</c>: less than.</summary>
    Lt,

    /// <summary><c>le</c>: less than or equal.</summary>
    Le,

    /// <summary><c>pr</c>: present (has a non-empty value); takes no comparison value.</summary>
    Pr,
}
