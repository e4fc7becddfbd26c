namespace ScimClean.Application.DirectorySync;

/// <summary>What the IT admin pastes into Entra: shown once, the token is never readable again.</summary>
public sealed record DirectorySyncCredentials(
    string ScimBaseUrl,
    string SecretToken,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PreviousTokenExpiresAt);
