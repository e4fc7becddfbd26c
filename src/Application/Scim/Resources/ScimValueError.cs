namespace ScimClean.Application.Scim.Resources;

/// <summary>A problem with one attribute of a request body; <see cref="ScimType"/> is one of <see cref="ScimErrorTypes"/>.</summary>
public sealed record ScimValueError(string ScimType, string Attribute, string Detail);
