using System.Collections.Concurrent;
using ScimClean.Application.Common.Security;

namespace ScimClean.Application.DirectorySync.AuthenticateDirectory;

/// <summary>
/// Remembers, for a few seconds, that a token was accepted for an organization's SCIM URL, so that a directory
/// sending thousands of requests does not read its organization and tokens from the database for every one.
/// Only accepted tokens are kept (keyed on their hash, never the token itself): a wrong token always takes the full
/// check, gets the same 401 and feeds the failed-authentication throttle.
/// <para>
/// A change to an organization's tokens or sync switch committed by this process calls <see cref="Invalidate"/>
/// (the persistence layer watches for it), after which no earlier entry is used. A change committed by another
/// instance (PostgreSQL) is seen at the latest after <see cref="Lifetime"/>; docs/operations.md states this window.
/// </para>
/// </summary>
public sealed class DirectoryCredentialCache(ISecretHasher hasher, TimeProvider clock)
{
    /// <summary>How long an accepted token is trusted without a look at the database.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    /// <summary>A bound on memory: only accepted tokens get in, so this is reached only by a misbehaving client.</summary>
    public const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<(string Domain, string TokenHash), Entry> _entries = new();
    private long _generation;

    /// <summary>
    /// The generation to pass to <see cref="Remember"/>: read it before reading the organization, so that an entry built
    /// from a state that a concurrent change replaced is never used.
    /// </summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(string domain, string token, out DirectoryPrincipal principal)
    {
        principal = default!;
        if (_entries.IsEmpty || string.IsNullOrEmpty(token))
        {
            return false;
        }

        var key = (domain, hasher.Hash(token));
        if (!_entries.TryGetValue(key, out var entry))
        {
            return false;
        }

        if (entry.Generation != Generation || clock.GetUtcNow() >= entry.ExpiresAt)
        {
            _entries.TryRemove(new KeyValuePair<(string, string), Entry>(key, entry));
            return false;
        }

        principal = entry.Principal;
        return true;
    }

    /// <summary>
    /// Remembers a token the full check accepted. <paramref name="tokenValidUntil"/> is the token's own expiry (a
    /// rotated-out token in its grace period): the entry never outlives it.
    /// </summary>
    public void Remember(string domain, string token, DirectoryPrincipal principal, DateTimeOffset? tokenValidUntil, long generation)
    {
        if (generation != Generation)
        {
            return;
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        var expiresAt = clock.GetUtcNow() + Lifetime;
        if (tokenValidUntil < expiresAt)
        {
            expiresAt = tokenValidUntil.Value;
        }

        _entries[(domain, hasher.Hash(token))] = new Entry(principal, expiresAt, generation);
    }

    /// <summary>Forgets every accepted token: an organization's tokens or its directory-sync switch changed.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    private sealed record Entry(DirectoryPrincipal Principal, DateTimeOffset ExpiresAt, long Generation);
}
