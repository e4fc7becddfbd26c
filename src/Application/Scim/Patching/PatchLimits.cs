namespace ScimClean.Application.Scim.Patching;

/// <summary>Limits on a PATCH request; exceeding one is a <c>tooMany</c> error.</summary>
/// <param name="MaxOperations">Maximum number of entries in <c>Operations</c>.</param>
/// <param name="MaxValuesPerOperation">Maximum number of elements in an operation's value array (or in any array inside a path-less value object).</param>
public sealed record PatchLimits(int MaxOperations = 1000, int MaxValuesPerOperation = 1000)
{
    /// <summary>1000 operations, 1000 values per operation.</summary>
    public static PatchLimits Default { get; } = new();
}
