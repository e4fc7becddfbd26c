namespace ScimClean.Application.Scim.Schemas;

/// <summary>An extension schema a resource type accepts (RFC 7643 §6, "schemaExtensions").</summary>
public sealed record SchemaExtensionReference(string Schema, bool Required);
