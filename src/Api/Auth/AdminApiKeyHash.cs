namespace ScimClean.Api.Auth;

/// <summary>The hash of the admin API key in force, set once at start-up.</summary>
public sealed class AdminApiKeyHash
{
    private string? _hash;

    public string Value => _hash ?? throw new InvalidOperationException("the admin API key was not initialised");

    internal void Set(string hash) => _hash = hash;
}
