using System.Reflection;

namespace ScimClean.Architecture.Tests.Rules;

/// <summary>
/// The coarse twin of the type rules: which assemblies an assembly's metadata references. The compiler keeps
/// only references that are used, so a forbidden name here means code really uses that package or project.
/// </summary>
internal static class AssemblyRules
{
    /// <summary>The referenced assembly names that equal, or start with, one of <paramref name="forbidden"/>.</summary>
    public static IReadOnlyList<string> ForbiddenReferences(Assembly assembly, IEnumerable<string> forbidden)
    {
        var prefixes = forbidden.ToArray();
        return assembly.GetReferencedAssemblies()
            .Select(reference => reference.Name ?? string.Empty)
            .Where(name => prefixes.Any(prefix => Matches(name, prefix)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public static bool Matches(string assemblyName, string prefix) =>
        assemblyName.Equals(prefix, StringComparison.Ordinal)
        || assemblyName.StartsWith(prefix + ".", StringComparison.Ordinal);
}
