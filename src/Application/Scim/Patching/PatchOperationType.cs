namespace ScimClean.Application.Scim.Patching;

/// <summary>The PATCH operation kinds of RFC 7644 §3.5.2 (the <c>op</c> member, case-insensitive on the wire).</summary>
public enum PatchOperationType
{
    /// <summary><c>add</c>.</summary>
    Add,

    /// <summary><c>replace</c>.</summary>
    Replace,

    /// <summary><c>remove</c>.</summary>
    Remove,
}
