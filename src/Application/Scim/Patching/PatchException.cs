namespace ScimClean.Application.Scim.Patching;

/// <summary>Internal short-circuit for the first failing operation; never escapes the Patching API.</summary>
internal sealed class PatchException(string scimType, string message) : Exception(message)
{
    public string ScimType { get; } = scimType;
}
