namespace ScimClean.Application.DirectorySync.GetDirectorySync;

/// <summary>The state of an organization's directory sync; never its token.</summary>
public sealed record DirectorySyncStatus(
    string ScimBaseUrl,
    string Status,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? LastScimRequestAt,
    int ActiveTokens);
