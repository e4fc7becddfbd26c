using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScimClean.Application.Scim.Filtering;
using ScimClean.Application.Scim.Resources;
using ScimClean.Application.Scim.Schemas;

namespace ScimClean.Application.Scim.Patching;

/// <summary>
/// Splits a Group PATCH into <see cref="MembershipChange"/>s and other operations, so that large groups are never
/// loaded and rewritten whole. Recognised member shapes (names case-insensitive, optionally URN-qualified):
/// <list type="bullet">
/// <item><c>add members [{"value": id}, …]</c> → Add; path-less <c>add {"members": […]}</c> → Add;</item>
/// <item><c>remove members [{"value": id}, …]</c> (Entra default dialect) → Remove;</item>
/// <item><c>remove members[value eq "id"]</c> (and <c>or</c> chains of such terms; Entra with aadOptscim062020) → Remove;</item>
/// <item><c>remove members</c> without value and filter → RemoveAll;</item>
/// <item><c>replace members […]</c> and path-less <c>replace {"members": […]}</c> → ReplaceAll (an empty list or null → RemoveAll).</item>
/// </list>
/// A member entry without a string <c>value</c> is <c>invalidValue</c>; member sub-attributes are immutable (<c>mutability</c>);
/// other member filters cannot be evaluated set-based and are <c>invalidFilter</c>.
/// </summary>
public static class GroupPatchPlanner
{
    private const string MembersKey = "members";
    private const string ValueKey = "value";

    public static bool TryPlan(
        IReadOnlyList<PatchOperation> operations,
        [NotNullWhen(true)] out GroupPatchPlan? plan,
        [NotNullWhen(false)] out PatchError? error)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var changes = new List<MembershipChange>();
        var others = new List<PatchOperation>();
        for (var index = 0; index < operations.Count; index++)
        {
            try
            {
                PlanOne(operations[index], changes, others);
            }
            catch (PatchException ex)
            {
                plan = null;
                error = new PatchError(ex.ScimType, $"Operation {index}: {ex.Message}");
                return false;
            }
        }

        plan = new GroupPatchPlan(changes, others);
        error = null;
        return true;
    }

    private static void PlanOne(PatchOperation operation, List<MembershipChange> changes, List<PatchOperation> others)
    {
        if (operation.Path is null)
        {
            if (operation.Op == PatchOperationType.Remove || operation.Value is not JsonObject members || JsonMembersKey(members) is not { } key)
            {
                others.Add(operation);
                return;
            }

            changes.Add(WholeListChange(operation.Op, members[key]));
            var rest = new JsonObject();
            foreach (var (name, value) in members)
            {
                if (name != key)
                {
                    rest[name] = value?.DeepClone();
                }
            }

            if (rest.Count > 0)
            {
                others.Add(operation with { Value = rest });
            }

            return;
        }

        if (!PatchPathParser.TryParse(operation.Path.Trim(), out var path, out _) || !IsMembers(path.Attribute))
        {
            others.Add(operation);
            return;
        }

        if (path.Attribute.SubAttribute is not null || path.SubAttribute is not null)
        {
            throw new PatchException(ScimErrorTypes.Mutability, "Member sub-attributes are immutable; add or remove the member instead.");
        }

        if (path.ValueFilter is not null)
        {
            if (operation.Op != PatchOperationType.Remove)
            {
                throw new PatchException(ScimErrorTypes.InvalidPath, "Members can only be removed through a filter; use add or replace on \"members\".");
            }

            var ids = new List<string>();
            CollectFilterIds(path.ValueFilter, ids);
            changes.Add(MembershipChange.Remove(Distinct(ids)));
            return;
        }

        if (operation.Op == PatchOperationType.Remove)
        {
            changes.Add(ScimResourceNormalizer.IsAbsentValue(operation.Value)
                ? MembershipChange.RemoveAll()
                : MembershipChange.Remove(MemberIds(operation.Value!)));
            return;
        }

        changes.Add(WholeListChange(operation.Op, operation.Value));
    }

    private static MembershipChange WholeListChange(PatchOperationType op, JsonNode? value)
    {
        if (op == PatchOperationType.Replace)
        {
            var ids = ScimResourceNormalizer.IsAbsentValue(value) ? [] : MemberIds(value!);
            return ids.Count == 0 ? MembershipChange.RemoveAll() : MembershipChange.ReplaceAll(ids);
        }

        if (ScimResourceNormalizer.IsAbsentValue(value))
        {
            throw new PatchException(ScimErrorTypes.InvalidValue, "An add to \"members\" needs a list of members.");
        }

        return MembershipChange.Add(MemberIds(value!));
    }

    private static List<string> MemberIds(JsonNode value)
    {
        var items = value as JsonArray ?? [value.DeepClone()];
        var ids = new List<string>(items.Count);
        foreach (var item in items)
        {
            if (item is not JsonObject member
                || JsonMembers.Get(member, ValueKey) is not JsonValue id
                || id.GetValueKind() != JsonValueKind.String
                || string.IsNullOrWhiteSpace(id.GetValue<string>()))
            {
                throw new PatchException(ScimErrorTypes.InvalidValue, "Each member must be an object with a string \"value\" (the member id).");
            }

            ids.Add(id.GetValue<string>());
        }

        return Distinct(ids);
    }

    /// <summary>Accepts <c>value eq "id"</c> terms joined by <c>or</c>; anything else cannot be applied set-based.</summary>
    private static void CollectFilterIds(FilterNode filter, List<string> ids)
    {
        switch (filter)
        {
            case LogicalFilter { Op: LogicalOperator.Or } or:
                CollectFilterIds(or.Left, ids);
                CollectFilterIds(or.Right, ids);
                break;
            case ComparisonFilter { Op: ComparisonOperator.Eq, Value.Kind: FilterValueKind.String } comparison
                when comparison.Path.Matches(null, ValueKey):
                ids.Add(comparison.Value!.StringValue!);
                break;
            default:
                throw new PatchException(ScimErrorTypes.InvalidFilter, "Only 'value eq \"id\"' filters (optionally joined by 'or') are supported on members.");
        }
    }

    private static bool IsMembers(AttributePath path) =>
        string.Equals(path.AttributeName, MembersKey, StringComparison.OrdinalIgnoreCase)
        && (path.SchemaUrn is null || string.Equals(path.SchemaUrn, ScimSchemaUrns.Group, StringComparison.OrdinalIgnoreCase));

    private static string? JsonMembersKey(JsonObject members)
    {
        foreach (var (key, _) in members)
        {
            if (AttributePath.TryParse(key, out var path) && IsMembers(path) && path.SubAttribute is null)
            {
                return key;
            }
        }

        return null;
    }

    private static List<string> Distinct(List<string> ids) => [.. ids.Distinct(StringComparer.Ordinal)];
}
