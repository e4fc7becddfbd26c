namespace ScimClean.Application.Scim.Patching;

/// <summary>What a <see cref="MembershipChange"/> does to a group's member list.</summary>
public enum MembershipChangeKind
{
    /// <summary>Add the listed members (already present ones are ignored).</summary>
    Add,

    /// <summary>Remove the listed members (absent ones are ignored).</summary>
    Remove,

    /// <summary>Remove every member.</summary>
    RemoveAll,

    /// <summary>Make the listed members the complete member list.</summary>
    ReplaceAll,
}
