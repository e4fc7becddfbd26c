using System.Text.Json.Nodes;

namespace ScimClean.Application.Scim.Patching;

/// <summary>Case-insensitive member access on <see cref="JsonObject"/> (SCIM names are case-insensitive).</summary>
internal static class JsonMembers
{
    /// <summary>The actual key matching <paramref name="name"/> ignoring case (exact match preferred), or null.</summary>
    public static string? FindKey(JsonObject node, string name)
    {
        if (node.ContainsKey(name))
        {
            return name;
        }

        foreach (var (key, _) in node)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return key;
            }
        }

        return null;
    }

    public static JsonNode? Get(JsonObject node, string name) =>
        FindKey(node, name) is { } key ? node[key] : null;

    /// <summary>Sets <paramref name="name"/> (the canonical spelling), dropping any differently-cased duplicate.</summary>
    public static void Set(JsonObject node, string name, JsonNode? value)
    {
        Remove(node, name);
        node[name] = value;
    }

    public static void Remove(JsonObject node, string name)
    {
        while (FindKey(node, name) is { } key)
        {
            node.Remove(key);
        }
    }
}
