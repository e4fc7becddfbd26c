namespace ScimClean.Application.Scim;

/// <summary>Protocol-level errors shared by every SCIM resource type.</summary>
public static class ScimRequestErrors
{
    public static Error InvalidFilter(string detail) => new("scim.invalid_filter", detail, ErrorKind.InvalidFilter);

    public static Error VersionMismatch(string currentETag) => new(
        "scim.version_mismatch",
        $"the resource has changed: its current version is {currentETag}",
        ErrorKind.VersionMismatch);

    public static Error InvalidSort(string detail) => new("scim.invalid_sort", detail, ErrorKind.InvalidFilter);
}
