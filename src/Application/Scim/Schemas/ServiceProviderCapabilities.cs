namespace ScimClean.Application.Scim.Schemas;

/// <summary>What the service supports, rendered as the ServiceProviderConfig document (RFC 7643 §5).</summary>
public sealed record ServiceProviderCapabilities
{
    public bool PatchSupported { get; init; } = true;

    public bool BulkSupported { get; init; }

    public bool FilterSupported { get; init; } = true;

    public int MaxResults { get; init; } = 200;

    public bool ChangePasswordSupported { get; init; }

    public bool SortSupported { get; init; }

    public bool EtagSupported { get; init; }

    public string? DocumentationUri { get; init; }

    public IReadOnlyList<AuthenticationScheme> AuthenticationSchemes { get; init; } = [AuthenticationScheme.OAuthBearerToken];
}
