using System.Net;
using System.Net.Http.Json;
using ScimClean.Api.IntegrationTests.Infrastructure;

namespace ScimClean.Api.IntegrationTests.Admin;

public sealed class DirectorySyncEndpointsTests(ScimCleanApiFactory factory) : IClassFixture<ScimCleanApiFactory>
{
    private readonly HttpClient _admin = factory.CreateAdminClient();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Enable_ShouldReturnTenantUrlAndA256BitToken()
    {
        var domain = await _admin.CreateOrganizationAsync();

        var response = await _admin.PostAsync($"/admin/v1/organizations/{domain}/directory-sync", null, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal($"http://localhost/org/{domain}/scim/v2", body.GetProperty("scimBaseUrl").GetString());
        var token = body.GetProperty("secretToken").GetString()!;
        Assert.StartsWith("scim_", token, StringComparison.Ordinal);
        // 32 random bytes in base64url are 43 characters.
        Assert.True(token.Length >= "scim_".Length + 43, $"token too short: {token.Length}");
    }

    [Fact]
    public async Task Enable_WhenAlreadyEnabled_ShouldReturn409()
    {
        var (domain, _) = await _admin.CreateDirectoryAsync();

        var response = await _admin.PostAsync($"/admin/v1/organizations/{domain}/directory-sync", null, Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Enable_WhenOrganizationIsUnknown_ShouldReturn404()
    {
        var response = await _admin.PostAsync($"/admin/v1/organizations/{AdminApi.NewDomain()}/directory-sync", null, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_ShouldReturnStatusAndLastRequestButNeverTheToken()
    {
        var (domain, token) = await _admin.CreateDirectoryAsync();
        await factory.CreateScimClient(token).GetAsync($"/org/{domain}/scim/v2/Users", Ct);

        var response = await _admin.GetAsync($"/admin/v1/organizations/{domain}/directory-sync", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain(token, text, StringComparison.Ordinal);
        var body = await response.ReadJsonAsync();
        Assert.Equal("enabled", body.GetProperty("status").GetString());
        Assert.Equal($"http://localhost/org/{domain}/scim/v2", body.GetProperty("scimBaseUrl").GetString());
        Assert.Equal(factory.Clock.GetUtcNow(), body.GetProperty("lastScimRequestAt").GetDateTimeOffset());
        Assert.Equal(1, body.GetProperty("activeTokens").GetInt32());
    }

    [Fact]
    public async Task ScimRequest_WithTheOrganizationsToken_ShouldBeAuthenticated()
    {
        var (domain, token) = await _admin.CreateDirectoryAsync();

        var response = await factory.CreateScimClient(token).GetAsync($"/org/{domain}/scim/v2/NoSuchResource", Ct);

        // Authenticated: the answer is the SCIM 404 for an unknown endpoint, not a 401.
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/scim+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ScimRequest_WithAnotherOrganizationsToken_ShouldReturn401ScimError()
    {
        var (_, tokenOfA) = await _admin.CreateDirectoryAsync();
        var (domainOfB, _) = await _admin.CreateDirectoryAsync();

        var response = await factory.CreateScimClient(tokenOfA).GetAsync($"/org/{domainOfB}/scim/v2/Users", Ct);

        await AssertScimUnauthorizedAsync(response);
    }

    [Fact]
    public async Task ScimRequest_ForAnUnknownOrganization_ShouldLookExactlyLikeAWrongToken()
    {
        var (domain, _) = await _admin.CreateDirectoryAsync();
        var client = factory.CreateScimClient("scim_wrong");

        var unknown = await client.GetAsync($"/org/{AdminApi.NewDomain()}/scim/v2/Users", Ct);
        var wrongToken = await client.GetAsync($"/org/{domain}/scim/v2/Users", Ct);

        await AssertScimUnauthorizedAsync(unknown);
        await AssertScimUnauthorizedAsync(wrongToken);
        Assert.Equal(
            await unknown.Content.ReadAsStringAsync(Ct),
            await wrongToken.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer")]
    [InlineData("Basic c2NpbTpzY2lt")]
    [InlineData("Bearer not-the-token")]
    public async Task ScimRequest_WithMissingOrMalformedToken_ShouldReturn401(string? authorization)
    {
        var (domain, _) = await _admin.CreateDirectoryAsync();
        var client = factory.CreateClient();
        if (authorization is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await client.GetAsync($"/org/{domain}/scim/v2/Users", Ct);

        await AssertScimUnauthorizedAsync(response);
    }

    [Fact]
    public async Task Rotate_WithoutGracePeriod_ShouldRevokeTheOldTokenAtOnce()
    {
        var (domain, oldToken) = await _admin.CreateDirectoryAsync();

        var response = await _admin.PostAsync($"/admin/v1/organizations/{domain}/directory-sync/token", null, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var newToken = (await response.ReadJsonAsync()).GetProperty("secretToken").GetString()!;
        Assert.NotEqual(oldToken, newToken);
        await AssertScimUnauthorizedAsync(await factory.CreateScimClient(oldToken).GetAsync($"/org/{domain}/scim/v2/Users", Ct));
        Assert.NotEqual(HttpStatusCode.Unauthorized,
            (await factory.CreateScimClient(newToken).GetAsync($"/org/{domain}/scim/v2/Users", Ct)).StatusCode);
    }

    [Fact]
    public async Task Rotate_WithGracePeriod_ShouldKeepTheOldTokenUntilItEnds()
    {
        var (domain, oldToken) = await _admin.CreateDirectoryAsync();
        var oldClient = factory.CreateScimClient(oldToken);

        var response = await _admin.PostAsJsonAsync(
            $"/admin/v1/organizations/{domain}/directory-sync/token", new { gracePeriodSeconds = 3600 }, Ct);
        var newToken = (await response.ReadJsonAsync()).GetProperty("secretToken").GetString()!;

        Assert.NotEqual(HttpStatusCode.Unauthorized, (await oldClient.GetAsync($"/org/{domain}/scim/v2/Users", Ct)).StatusCode);
        factory.Clock.Advance(TimeSpan.FromSeconds(3601));
        await AssertScimUnauthorizedAsync(await oldClient.GetAsync($"/org/{domain}/scim/v2/Users", Ct));
        Assert.NotEqual(HttpStatusCode.Unauthorized,
            (await factory.CreateScimClient(newToken).GetAsync($"/org/{domain}/scim/v2/Users", Ct)).StatusCode);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(604801)]
    public async Task Rotate_WithGracePeriodOutOfRange_ShouldReturn400(int gracePeriodSeconds)
    {
        var (domain, _) = await _admin.CreateDirectoryAsync();

        var response = await _admin.PostAsJsonAsync(
            $"/admin/v1/organizations/{domain}/directory-sync/token", new { gracePeriodSeconds }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("gracePeriodSeconds", (await response.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disable_ShouldMakeEveryScimCallUnauthorized()
    {
        var (domain, token) = await _admin.CreateDirectoryAsync();

        var disabled = await _admin.DeleteAsync($"/admin/v1/organizations/{domain}/directory-sync", Ct);
        var status = await (await _admin.GetAsync($"/admin/v1/organizations/{domain}/directory-sync", Ct)).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.NoContent, disabled.StatusCode);
        Assert.Equal("disabled", status.GetProperty("status").GetString());
        await AssertScimUnauthorizedAsync(await factory.CreateScimClient(token).GetAsync($"/org/{domain}/scim/v2/Users", Ct));
    }

    [Fact]
    public async Task Enable_AfterDisable_ShouldIssueAFreshTokenAndNotRestoreTheOldOne()
    {
        var (domain, oldToken) = await _admin.CreateDirectoryAsync();
        await _admin.DeleteAsync($"/admin/v1/organizations/{domain}/directory-sync", Ct);

        var newToken = await _admin.EnableDirectorySyncAsync(domain);

        await AssertScimUnauthorizedAsync(await factory.CreateScimClient(oldToken).GetAsync($"/org/{domain}/scim/v2/Users", Ct));
        Assert.NotEqual(HttpStatusCode.Unauthorized,
            (await factory.CreateScimClient(newToken).GetAsync($"/org/{domain}/scim/v2/Users", Ct)).StatusCode);
    }

    // The tests below use the token first, so that the service has it in its credential cache when it changes.

    [Fact]
    public async Task Rotate_WithoutGracePeriod_WhenOldTokenWasJustUsed_ShouldRevokeItAtOnce()
    {
        var (domain, oldToken) = await _admin.CreateDirectoryAsync();
        var oldClient = factory.CreateScimClient(oldToken);
        await AssertAuthenticatedAsync(oldClient, domain);

        var response = await _admin.PostAsync($"/admin/v1/organizations/{domain}/directory-sync/token", null, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var newToken = (await response.ReadJsonAsync()).GetProperty("secretToken").GetString()!;
        await AssertScimUnauthorizedAsync(await oldClient.GetAsync($"/org/{domain}/scim/v2/Users", Ct));
        await AssertAuthenticatedAsync(factory.CreateScimClient(newToken), domain);
    }

    [Fact]
    public async Task Rotate_WithGracePeriod_WhenOldTokenWasJustUsed_ShouldRevokeItWhenTheGracePeriodEnds()
    {
        var (domain, oldToken) = await _admin.CreateDirectoryAsync();
        var oldClient = factory.CreateScimClient(oldToken);
        await _admin.PostAsJsonAsync($"/admin/v1/organizations/{domain}/directory-sync/token", new { gracePeriodSeconds = 2 }, Ct);
        await AssertAuthenticatedAsync(oldClient, domain);

        factory.Clock.Advance(TimeSpan.FromSeconds(2));

        await AssertScimUnauthorizedAsync(await oldClient.GetAsync($"/org/{domain}/scim/v2/Users", Ct));
    }

    [Fact]
    public async Task Disable_WhenTokenWasJustUsed_ShouldMakeTheNextScimCallUnauthorized()
    {
        var (domain, token) = await _admin.CreateDirectoryAsync();
        var client = factory.CreateScimClient(token);
        await AssertAuthenticatedAsync(client, domain);

        await _admin.DeleteAsync($"/admin/v1/organizations/{domain}/directory-sync", Ct);

        await AssertScimUnauthorizedAsync(await client.GetAsync($"/org/{domain}/scim/v2/Users", Ct));
    }

    [Fact]
    public async Task DeleteOrganization_WhenTokenWasJustUsed_ShouldMakeTheNextScimCallUnauthorized()
    {
        var (domain, token) = await _admin.CreateDirectoryAsync();
        var client = factory.CreateScimClient(token);
        await AssertAuthenticatedAsync(client, domain);

        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync($"/admin/v1/organizations/{domain}", Ct)).StatusCode);

        await AssertScimUnauthorizedAsync(await client.GetAsync($"/org/{domain}/scim/v2/Users", Ct));
    }

    [Fact]
    public async Task ScimRequest_WithAWrongToken_WhenTheRightOneWasJustUsed_ShouldStillReturn401()
    {
        var (domain, token) = await _admin.CreateDirectoryAsync();
        await AssertAuthenticatedAsync(factory.CreateScimClient(token), domain);

        await AssertScimUnauthorizedAsync(await factory.CreateScimClient(token + "x").GetAsync($"/org/{domain}/scim/v2/Users", Ct));
        await AssertScimUnauthorizedAsync(await factory.CreateScimClient(token).GetAsync($"/org/{domain.ToUpperInvariant()}x/scim/v2/Users", Ct));
    }

    [Fact]
    public async Task ScimRequest_WhenTheCacheLifetimeHasPassed_ShouldStillBeAuthenticated()
    {
        var (domain, token) = await _admin.CreateDirectoryAsync();
        var client = factory.CreateScimClient(token);
        await AssertAuthenticatedAsync(client, domain);

        factory.Clock.Advance(TimeSpan.FromMinutes(2));

        await AssertAuthenticatedAsync(client, domain);
    }

    private static async Task AssertAuthenticatedAsync(HttpClient client, string domain) =>
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/org/{domain}/scim/v2/Users", Ct)).StatusCode);

    private static async Task AssertScimUnauthorizedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/scim+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.ReadJsonAsync();
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", body.GetProperty("schemas")[0].GetString());
        Assert.Equal("401", body.GetProperty("status").GetString());
    }
}
