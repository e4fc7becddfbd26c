using System.Text.Json.Nodes;

namespace ScimClean.Application.Scim.Patching;

/// <summary>One PATCH operation: <c>{"op": …, "path": …, "value": …}</c>. <see cref="Path"/> is kept as text and parsed by the engine.</summary>
/// <param name="Op">The operation kind.</param>
/// <param name="Path">The attribute path, or <see langword="null"/> when the request has none.</param>
/// <param name="Value">The <c>value</c> member as sent, or <see langword="null"/> when absent.</param>
public sealed record PatchOperation(PatchOperationType Op, string? Path, JsonNode? Value);
