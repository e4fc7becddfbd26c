using Microsoft.Extensions.Time.Testing;
using ScimClean.Application.DirectorySync.AuthenticateDirectory;
using ScimClean.Application.UnitTests.TestSupport;

namespace ScimClean.Application.UnitTests.DirectorySync;

public sealed class DirectoryCredentialCacheTests
{
    private static readonly DirectoryPrincipal Contoso = new(Guid.NewGuid(), "contoso.com");
    private readonly FakeTimeProvider _clock = TestData.Clock();
    private readonly DirectoryCredentialCache _cache;

    public DirectoryCredentialCacheTests() => _cache = new DirectoryCredentialCache(FakeHasher.Create(), _clock);

    [Fact]
    public void TryGet_WhenRemembered_ShouldReturnThePrincipal()
    {
        _cache.Remember("contoso.com", "scim_a", Contoso, null, _cache.Generation);

        Assert.True(_cache.TryGet("contoso.com", "scim_a", out var principal));
        Assert.Equal(Contoso, principal);
    }

    [Fact]
    public void TryGet_WhenAnotherTokenOrDomain_ShouldMiss()
    {
        _cache.Remember("contoso.com", "scim_a", Contoso, null, _cache.Generation);

        Assert.False(_cache.TryGet("contoso.com", "scim_b", out _));
        Assert.False(_cache.TryGet("fabrikam.com", "scim_a", out _));
        Assert.False(_cache.TryGet("contoso.com", "", out _));
    }

    [Fact]
    public void TryGet_WhenLifetimeHasPassed_ShouldMiss()
    {
        _cache.Remember("contoso.com", "scim_a", Contoso, null, _cache.Generation);

        _clock.Advance(DirectoryCredentialCache.Lifetime);

        Assert.False(_cache.TryGet("contoso.com", "scim_a", out _));
    }

    [Fact]
    public void TryGet_WhenTokenExpiresBeforeTheLifetime_ShouldMissFromItsExpiry()
    {
        var expiry = _clock.GetUtcNow() + TimeSpan.FromSeconds(1);
        _cache.Remember("contoso.com", "scim_a", Contoso, expiry, _cache.Generation);

        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.False(_cache.TryGet("contoso.com", "scim_a", out _));
    }

    [Fact]
    public void TryGet_WhenInvalidated_ShouldMiss()
    {
        _cache.Remember("contoso.com", "scim_a", Contoso, null, _cache.Generation);

        _cache.Invalidate();

        Assert.False(_cache.TryGet("contoso.com", "scim_a", out _));
    }

    [Fact]
    public void Remember_WhenGenerationIsStale_ShouldKeepNothing()
    {
        var generation = _cache.Generation;
        _cache.Invalidate();

        _cache.Remember("contoso.com", "scim_a", Contoso, null, generation);

        Assert.False(_cache.TryGet("contoso.com", "scim_a", out _));
    }
}
