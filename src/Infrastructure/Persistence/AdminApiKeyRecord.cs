namespace ScimClean.Infrastructure.Persistence;

/// <summary>The hash of the generated admin API key; a single row.</summary>
internal sealed class AdminApiKeyRecord
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public required string KeyHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
