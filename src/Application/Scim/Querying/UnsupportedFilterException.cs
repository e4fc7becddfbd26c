namespace ScimClean.Application.Scim.Querying;

/// <summary>A syntactically valid filter that cannot be evaluated (unknown attribute, comparing a complex attribute, ...).</summary>
public sealed class UnsupportedFilterException(string message) : Exception(message);
