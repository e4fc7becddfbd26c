using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ScimClean.Api.IntegrationTests.Infrastructure;
using ScimClean.Api.IntegrationTests.Scim.Users;

namespace ScimClean.Api.IntegrationTests.Hardening;

/// <summary>
/// One token bucket per organization on SCIM routes, and a per-source throttle on failed authentications. The test host
/// has no remote address, so every request there counts under the "unknown" source: each test gets a service of its own.
/// </summary>
public sealed class RateLimitingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Scim_WhenOneOrganizationExhaustsItsBucket_ShouldAnswer429WhileOthersAreServed()
    {
        await using var factory = new ScimCleanApiFactory();
        factory.Settings["Scim:RateLimit:TokenLimit"] = "3";
        factory.Settings["Scim:RateLimit:TokensPerPeriod"] = "1";
        factory.Settings["Scim:RateLimit:ReplenishmentPeriodSeconds"] = "3600";
        var noisy = await ScimClient.CreateAsync(factory);
        var quiet = await ScimClient.CreateAsync(factory);

        for (var i = 0; i < 3; i++)
        {
            await (await noisy.SendAsync(HttpMethod.Get, noisy.UsersUrl)).AssertStatusAsync(HttpStatusCode.OK);
        }

        var rejected = await noisy.SendAsync(HttpMethod.Get, noisy.UsersUrl);
        var served = await quiet.SendAsync(HttpMethod.Get, quiet.UsersUrl);

        await rejected.AssertScimErrorAsync(HttpStatusCode.TooManyRequests, null);
        var retryAfter = rejected.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.True(retryAfter >= TimeSpan.FromSeconds(1), $"Retry-After was {retryAfter}");
        await served.AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Scim_WithTheDefaultBucket_ShouldServeABurstWellAboveEntrasRate()
    {
        await using var factory = new ScimCleanApiFactory();
        var scim = await ScimClient.CreateAsync(factory);

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => scim.SendAsync(HttpMethod.Get, $"{scim.BaseUrl}/ServiceProviderConfig")));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
    }

    [Fact]
    public async Task Scim_AfterTooManyFailedAuthentications_ShouldAnswer429UntilTheWindowEnds()
    {
        await using var factory = ThrottledFactory();
        var scim = await ScimClient.CreateAsync(factory);
        var wrong = factory.CreateScimClient("not-the-token");

        for (var i = 0; i < 3; i++)
        {
            var failed = await wrong.GetAsync(scim.UsersUrl, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        var blocked = await wrong.GetAsync(scim.UsersUrl, Ct);
        var blockedEvenWithTheRightToken = await scim.SendAsync(HttpMethod.Get, scim.UsersUrl);

        await blocked.AssertScimErrorAsync(HttpStatusCode.TooManyRequests, null);
        Assert.Equal(TimeSpan.FromSeconds(60), blocked.Headers.RetryAfter?.Delta);
        await blockedEvenWithTheRightToken.AssertScimErrorAsync(HttpStatusCode.TooManyRequests, null);

        factory.Clock.Advance(TimeSpan.FromSeconds(61));
        await (await scim.SendAsync(HttpMethod.Get, scim.UsersUrl)).AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Admin_AfterTooManyFailedAuthentications_ShouldAnswer429ProblemDetails()
    {
        await using var factory = ThrottledFactory();
        var admin = factory.CreateAdminClient();
        var wrong = factory.CreateClient();
        wrong.DefaultRequestHeaders.Authorization = new("Bearer", "wrong-admin-key");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/admin/v1/organizations", Ct)).StatusCode);
        }

        var blocked = await admin.GetAsync("/admin/v1/organizations", Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.Equal("application/problem+json", blocked.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, (await blocked.Content.ReadFromJsonAsync<JsonObject>(Ct))!["status"]!.GetValue<int>());
        Assert.NotNull(blocked.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/health/live", Ct)).StatusCode);

        factory.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/v1/organizations", Ct)).StatusCode);
    }

    [Fact]
    public async Task Failures_BelowTheLimit_ShouldNotBlock()
    {
        await using var factory = ThrottledFactory();
        var scim = await ScimClient.CreateAsync(factory);
        var wrong = factory.CreateScimClient("not-the-token");

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync(scim.UsersUrl, Ct)).StatusCode);
        }

        await (await scim.SendAsync(HttpMethod.Get, scim.UsersUrl)).AssertStatusAsync(HttpStatusCode.OK);
        factory.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync(scim.UsersUrl, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync(scim.UsersUrl, Ct)).StatusCode);
        await (await scim.SendAsync(HttpMethod.Get, scim.UsersUrl)).AssertStatusAsync(HttpStatusCode.OK);
    }

    private static ScimCleanApiFactory ThrottledFactory()
    {
        var factory = new ScimCleanApiFactory();
        factory.Settings["Auth:FailureThrottle:MaxFailures"] = "3";
        factory.Settings["Auth:FailureThrottle:WindowSeconds"] = "60";
        return factory;
    }
}
