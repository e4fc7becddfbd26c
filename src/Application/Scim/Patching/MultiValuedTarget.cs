using System.Text.Json;
using System.Text.Json.Nodes;
using ScimClean.Application.Scim.Filtering;
using ScimClean.Application.Scim.Resources;
using ScimClean.Application.Scim.Schemas;

namespace ScimClean.Application.Scim.Patching;

/// <summary>PATCH semantics for one multi-valued (complex) attribute inside its container object.</summary>
internal sealed class MultiValuedTarget(JsonObject container, SchemaAttribute attribute, string displayPath)
{
    private const string ValueKey = "value";
    private const string TypeKey = "type";
    private const string PrimaryKey = "primary";

    /// <summary><c>emails</c>: add appends (skipping exact duplicates), replace swaps the array, remove drops it or only the listed values.</summary>
    public void ApplyWhole(PatchOperationType op, JsonNode? value, bool clearing)
    {
        if (op == PatchOperationType.Remove && !ScimResourceNormalizer.IsAbsentValue(value))
        {
            // Entra's default dialect: {"op":"Remove","path":"members","value":[{"value":"id"}]} removes only the
            // listed values. An RFC-literal reading (the value is ignored, the attribute emptied) would drop every member.
            RemoveListed(value!);
            return;
        }

        if (clearing)
        {
            EnsureMutable(Elements, null);
            JsonMembers.Remove(container, attribute.Name);
            return;
        }

        var normalized = PatchApplier.Normalize(attribute, value, displayPath, element: false) as JsonArray;
        if (op == PatchOperationType.Replace || Elements is null)
        {
            if (op == PatchOperationType.Replace)
            {
                EnsureMutable(Elements, normalized);
            }

            Store(normalized);
            return;
        }

        var elements = Elements;
        foreach (var item in normalized ?? [])
        {
            if (!elements.Any(existing => JsonNode.DeepEquals(existing, item)))
            {
                elements.Add(item!.DeepClone());
            }
        }
    }

    /// <summary><c>emails.value</c> without a filter: applies to every element (creates one element when there is none).</summary>
    public void ApplyToAll(SchemaAttribute sub, JsonNode? value, bool clearing)
    {
        var elements = ObjectElements().ToList();
        if (clearing)
        {
            RemoveSubAttribute(elements, sub);
            return;
        }

        var normalized = PatchApplier.Normalize(sub, value, $"{displayPath}.{sub.Name}", element: true)!;
        if (elements.Count == 0)
        {
            Append(new JsonObject { [sub.Name] = normalized });
            return;
        }

        foreach (var element in elements)
        {
            PatchApplier.EnsureMutable(sub, JsonMembers.Get(element, sub.Name), normalized, $"{displayPath}.{sub.Name}");
            JsonMembers.Set(element, sub.Name, normalized.DeepClone());
        }
    }

    /// <summary>
    /// <c>emails[type eq "work"]</c> and <c>emails[type eq "work"].value</c>. When nothing matches, add and replace
    /// create the element seeded from the filter's <c>eq</c> comparisons (Entra relies on this); remove is a no-op.
    /// </summary>
    public void ApplyFiltered(PatchOperationType op, FilterNode filter, SchemaAttribute? sub, JsonNode? value, bool clearing)
    {
        ElementFilter.Validate(filter, attribute);
        var matched = ObjectElements().Where(element => ElementFilter.Matches(filter, element, attribute)).ToList();
        if (sub is not null)
        {
            ApplyFilteredSubAttribute(filter, sub, value, clearing, matched);
            return;
        }

        if (clearing)
        {
            EnsureMutable(matched.Count == 0 ? null : Elements, null);
            RemoveElements(matched);
            return;
        }

        var normalized = PatchApplier.Normalize(attribute, value, displayPath, element: true) as JsonObject
            ?? throw new PatchException(ScimErrorTypes.InvalidValue, $"The value for '{displayPath}[...]' must be an object.");
        if (matched.Count == 0)
        {
            Append(Merge(ElementFilter.Seed(filter, attribute), normalized));
            return;
        }

        EnsureMutable(Elements, null);
        foreach (var element in matched)
        {
            if (op == PatchOperationType.Replace)
            {
                // Replace swaps the selected element; the filter's eq values keep identifying it.
                element.Clear();
                Merge(element, ElementFilter.Seed(filter, attribute));
            }

            Merge(element, normalized);
        }
    }

    private void ApplyFilteredSubAttribute(FilterNode filter, SchemaAttribute sub, JsonNode? value, bool clearing, List<JsonObject> matched)
    {
        var subPath = $"{displayPath}.{sub.Name}";
        if (clearing)
        {
            RemoveSubAttribute(matched, sub);
            return;
        }

        var normalized = PatchApplier.Normalize(sub, value, subPath, element: true)!;
        if (matched.Count == 0)
        {
            var element = ElementFilter.Seed(filter, attribute);
            element[sub.Name] = normalized;
            Append(element);
            return;
        }

        foreach (var element in matched)
        {
            PatchApplier.EnsureMutable(sub, JsonMembers.Get(element, sub.Name), normalized, subPath);
            JsonMembers.Set(element, sub.Name, normalized.DeepClone());
        }
    }

    private JsonArray? Elements => JsonMembers.Get(container, attribute.Name) as JsonArray;

    private IEnumerable<JsonObject> ObjectElements() => Elements?.OfType<JsonObject>() ?? [];

    /// <summary>Removes the elements matching the listed values: by <c>value</c> when given, else by exact content.</summary>
    private void RemoveListed(JsonNode listed)
    {
        var items = listed as JsonArray ?? [listed.DeepClone()];
        var valueSub = attribute.FindSubAttribute(ValueKey);
        var toRemove = new List<JsonObject>();
        foreach (var item in items)
        {
            var id = item switch
            {
                JsonObject entry => JsonMembers.Get(entry, ValueKey) as JsonValue,
                JsonValue plain => plain,
                _ => null,
            };
            if (valueSub is not null && id is not null && id.GetValueKind() != JsonValueKind.Null)
            {
                var text = id.GetValueKind() == JsonValueKind.String ? id.GetValue<string>() : id.ToJsonString();
                var byValue = new ComparisonFilter(new AttributePath(null, valueSub.Name, null), ComparisonOperator.Eq, FilterValue.FromString(text));
                toRemove.AddRange(ObjectElements().Where(element => ElementFilter.Matches(byValue, element, attribute)));
            }
            else if (item is not null)
            {
                var normalized = PatchApplier.Normalize(attribute, item, displayPath, element: true);
                toRemove.AddRange(ObjectElements().Where(element => JsonNode.DeepEquals(element, normalized)));
            }
        }

        EnsureMutable(toRemove.Count == 0 ? null : Elements, null);
        RemoveElements(toRemove);
    }

    /// <summary>
    /// Removes a sub-attribute from the given elements. An element left with nothing but <c>type</c>/<c>primary</c>
    /// describes nothing (e.g. an email without its address) and is dropped too.
    /// </summary>
    private void RemoveSubAttribute(List<JsonObject> elements, SchemaAttribute sub)
    {
        var emptied = new List<JsonObject>();
        foreach (var element in elements)
        {
            PatchApplier.EnsureMutable(sub, JsonMembers.Get(element, sub.Name), null, $"{displayPath}.{sub.Name}");
            JsonMembers.Remove(element, sub.Name);
            if (element.All(member => member.Key is TypeKey or PrimaryKey))
            {
                emptied.Add(element);
            }
        }

        RemoveElements(emptied);
    }

    private void RemoveElements(List<JsonObject> elements)
    {
        if (Elements is not { } array || elements.Count == 0)
        {
            return;
        }

        foreach (var element in elements.Distinct())
        {
            array.Remove(element);
        }

        if (array.Count == 0)
        {
            JsonMembers.Remove(container, attribute.Name);
        }
    }

    private void Append(JsonObject element)
    {
        if (Elements is { } array)
        {
            array.Add(element);
        }
        else
        {
            Store(new JsonArray(element));
        }
    }

    private void Store(JsonArray? elements)
    {
        if (elements is null || elements.Count == 0)
        {
            JsonMembers.Remove(container, attribute.Name);
        }
        else
        {
            JsonMembers.Set(container, attribute.Name, elements);
        }
    }

    /// <summary>Whole-element changes (replace, remove) of an immutable multi-valued attribute are refused.</summary>
    private void EnsureMutable(JsonNode? existing, JsonNode? replacement) =>
        PatchApplier.EnsureMutable(attribute, existing, replacement, displayPath);

    private static JsonObject Merge(JsonObject target, JsonObject source)
    {
        foreach (var (key, value) in source)
        {
            JsonMembers.Set(target, key, value?.DeepClone());
        }

        return target;
    }
}
