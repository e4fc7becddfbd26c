using ScimClean.Application.Scim.Resources;

namespace ScimClean.Application.Scim.Patching;

public static class PatchErrorExtensions
{
    public static Error ToError(this PatchError error) =>
        new($"scim.{error.ScimType}", error.Detail, ScimValueErrorExtensions.KindOf(error.ScimType));
}
