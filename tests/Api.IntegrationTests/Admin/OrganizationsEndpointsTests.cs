using System.Net;
using System.Net.Http.Json;
using ScimClean.Api.IntegrationTests.Infrastructure;

namespace ScimClean.Api.IntegrationTests.Admin;

public sealed class OrganizationsEndpointsTests(ScimCleanApiFactory factory) : IClassFixture<ScimCleanApiFactory>
{
    private readonly HttpClient _admin = factory.CreateAdminClient();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_WhenDomainIsNew_ShouldReturn201WithOrganization()
    {
        var domain = AdminApi.NewDomain();

        var response = await _admin.PostAsJsonAsync("/admin/v1/organizations", new { domain, name = "Contoso" }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/admin/v1/organizations/{domain}", response.Headers.Location?.ToString());
        var body = await response.ReadJsonAsync();
        Assert.True(Guid.TryParse(body.GetProperty("id").GetString(), out _));
        Assert.Equal(domain, body.GetProperty("domain").GetString());
        Assert.Equal("Contoso", body.GetProperty("name").GetString());
        Assert.Equal(factory.Clock.GetUtcNow(), body.GetProperty("createdAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Create_WhenDomainExistsInAnotherCase_ShouldReturn409()
    {
        var domain = await _admin.CreateOrganizationAsync();

        var response = await _admin.PostAsJsonAsync(
            "/admin/v1/organizations", new { domain = domain.ToUpperInvariant(), name = "Again" }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.ReadJsonAsync();
        Assert.Contains("already exists", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a domain")]
    [InlineData("localhost")]
    [InlineData("-bad.example.com")]
    [InlineData("under_score.example.com")]
    public async Task Create_WhenDomainIsInvalid_ShouldReturn400WithReadableMessage(string domain)
    {
        var response = await _admin.PostAsJsonAsync("/admin/v1/organizations", new { domain, name = "X" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Contains("domain", body.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Create_WhenNameIsMissing_ShouldReturn400()
    {
        var response = await _admin.PostAsJsonAsync("/admin/v1/organizations", new { domain = AdminApi.NewDomain() }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Contains("name is required", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WhenBodyIsNotJson_ShouldReturn400ProblemDetails()
    {
        using var content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");

        var response = await _admin.PostAsync("/admin/v1/organizations", content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Create_WhenDomainHasUpperCase_ShouldStoreItLowerCase()
    {
        var domain = AdminApi.NewDomain();

        var response = await _admin.PostAsJsonAsync(
            "/admin/v1/organizations", new { domain = domain.ToUpperInvariant(), name = "Upper" }, Ct);

        var body = await response.ReadJsonAsync();
        Assert.Equal(domain, body.GetProperty("domain").GetString());
    }

    [Fact]
    public async Task Get_WhenOrganizationExists_ShouldReturnItByDomainInAnyCase()
    {
        var domain = await _admin.CreateOrganizationAsync();

        var response = await _admin.GetAsync($"/admin/v1/organizations/{domain.ToUpperInvariant()}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(domain, (await response.ReadJsonAsync()).GetProperty("domain").GetString());
    }

    [Fact]
    public async Task Get_WhenOrganizationIsUnknown_ShouldReturn404()
    {
        var response = await _admin.GetAsync($"/admin/v1/organizations/{AdminApi.NewDomain()}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task List_ShouldContainCreatedOrganizations()
    {
        var first = await _admin.CreateOrganizationAsync();
        var second = await _admin.CreateOrganizationAsync();

        var list = await (await _admin.GetAsync("/admin/v1/organizations", Ct)).ReadJsonAsync();

        var domains = list.EnumerateArray().Select(item => item.GetProperty("domain").GetString()).ToList();
        Assert.Contains(first, domains);
        Assert.Contains(second, domains);
    }

    [Fact]
    public async Task Delete_WhenOrganizationExists_ShouldReturn204AndThen404()
    {
        var domain = await _admin.CreateOrganizationAsync();

        var deleted = await _admin.DeleteAsync($"/admin/v1/organizations/{domain}", Ct);
        var afterwards = await _admin.GetAsync($"/admin/v1/organizations/{domain}", Ct);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, afterwards.StatusCode);
    }

    [Fact]
    public async Task Delete_WhenDirectorySyncWasEnabled_ShouldRevokeItsToken()
    {
        var (domain, token) = await _admin.CreateDirectoryAsync();
        var scim = factory.CreateScimClient(token);

        await _admin.DeleteAsync($"/admin/v1/organizations/{domain}", Ct);
        var response = await scim.GetAsync($"/org/{domain}/scim/v2/Users", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-key")]
    [InlineData("Basic dGVzdDp0ZXN0")]
    [InlineData("Bearer")]
    public async Task AdminApi_WhenKeyIsMissingOrWrong_ShouldReturn401(string? authorization)
    {
        var client = factory.CreateClient();
        if (authorization is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await client.GetAsync("/admin/v1/organizations", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_ShouldDescribeTheAdminApi()
    {
        var response = await factory.CreateClient().GetAsync("/openapi/v1.json", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadJsonAsync();
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/admin/v1/organizations", out _));
        Assert.True(paths.TryGetProperty("/admin/v1/organizations/{domain}/directory-sync/token", out _));
    }
}
