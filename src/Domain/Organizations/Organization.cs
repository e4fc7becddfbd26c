namespace ScimClean.Domain.Organizations;

/// <summary>
/// A customer of the SaaS, known by its domain. Owns the directory-sync switch and the tokens its directory uses.
/// </summary>
public sealed class Organization : AggregateRoot
{
    public const int MaxNameLength = 200;

    public static readonly TimeSpan ScimRequestRecordingInterval = TimeSpan.FromMinutes(1);

    private readonly List<DirectoryToken> _tokens = [];

    private Organization()
    {
        Domain = string.Empty;
        Name = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Domain { get; private set; }

    public string Name { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public bool DirectorySyncEnabled { get; private set; }

    public DateTimeOffset? DirectorySyncEnabledAt { get; private set; }

    public DateTimeOffset? LastScimRequestAt { get; private set; }

    public IReadOnlyList<DirectoryToken> Tokens => _tokens;

    public static Result<Organization> Create(string? domain, string? name, DateTimeOffset now)
    {
        var normalizedDomain = OrganizationDomain.Normalize(domain);
        if (normalizedDomain.IsFailure)
        {
            return normalizedDomain.Error!;
        }

        var trimmedName = name?.Trim();
        if (string.IsNullOrEmpty(trimmedName) || trimmedName.Length > MaxNameLength)
        {
            return OrganizationErrors.NameRequired;
        }

        return new Organization
        {
            Id = Guid.CreateVersion7(now),
            Domain = normalizedDomain.Value,
            Name = trimmedName,
            CreatedAt = now,
        };
    }

    /// <summary>Turns directory sync on with a first token (given as its hash).</summary>
    public Result EnableDirectorySync(string tokenHash, DateTimeOffset now)
    {
        if (DirectorySyncEnabled)
        {
            return OrganizationErrors.DirectorySyncAlreadyEnabled;
        }

        DirectorySyncEnabled = true;
        DirectorySyncEnabledAt = now;
        _tokens.Clear();
        _tokens.Add(new DirectoryToken(Guid.CreateVersion7(now), tokenHash, now));
        Raise(new DirectorySyncEnabled(Id, Domain, now));
        return Result.Success();
    }

    /// <summary>
    /// Issues a new token; the tokens in use keep working for <paramref name="gracePeriod"/>
    /// so the IT admin can switch Entra over without a failed provisioning cycle.
    /// </summary>
    public Result RotateToken(string newTokenHash, TimeSpan gracePeriod, DateTimeOffset now)
    {
        if (!DirectorySyncEnabled)
        {
            return OrganizationErrors.DirectorySyncNotEnabled;
        }

        if (gracePeriod < TimeSpan.Zero || gracePeriod > TimeSpan.FromDays(7))
        {
            return OrganizationErrors.GracePeriodOutOfRange;
        }

        _tokens.RemoveAll(token => !token.IsValidAt(now));
        foreach (var token in _tokens)
        {
            token.ExpireAt(now + gracePeriod);
        }

        _tokens.Add(new DirectoryToken(Guid.CreateVersion7(now), newTokenHash, now));
        return Result.Success();
    }

    /// <summary>Turns directory sync off: every token stops working at once.</summary>
    public Result DisableDirectorySync(DateTimeOffset now)
    {
        if (!DirectorySyncEnabled)
        {
            return OrganizationErrors.DirectorySyncNotEnabled;
        }

        DirectorySyncEnabled = false;
        DirectorySyncEnabledAt = null;
        _tokens.Clear();
        Raise(new DirectorySyncDisabled(Id, Domain, now));
        return Result.Success();
    }

    /// <summary>
    /// Notes that the directory called in. Kept to the minute: writing the row on every SCIM request
    /// would turn each read into a write.
    /// </summary>
    public void RecordScimRequest(DateTimeOffset now)
    {
        if (LastScimRequestAt is null || now - LastScimRequestAt >= ScimRequestRecordingInterval)
        {
            LastScimRequestAt = now;
        }
    }

    public IEnumerable<DirectoryToken> ValidTokens(DateTimeOffset now) =>
        DirectorySyncEnabled ? _tokens.Where(token => token.IsValidAt(now)) : [];
}
