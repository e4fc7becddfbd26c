namespace ScimClean.Application.Scim.Querying;

public sealed record ResourcePage<T>(int TotalResults, IReadOnlyList<T> Resources);
