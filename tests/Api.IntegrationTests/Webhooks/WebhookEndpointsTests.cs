using System.Net;
using System.Net.Http.Json;
using ScimClean.Api.IntegrationTests.Infrastructure;
using ScimClean.Api.IntegrationTests.Scim.Users;

namespace ScimClean.Api.IntegrationTests.Webhooks;

public sealed class WebhookEndpointsTests(ScimCleanApiFactory factory) : IClassFixture<ScimCleanApiFactory>
{
    private readonly HttpClient _admin = factory.CreateAdminClient();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_WhenValid_ShouldReturn201WithEndpointAndSecret()
    {
        var response = await _admin.PostAsJsonAsync(WebhookApi.EndpointsUrl, new
        {
            url = "https://app.example/hooks/scim",
            events = new[] { "user.*", "group.user_added" },
            organizations = new[] { "Contoso.com" },
        }, Ct);

        await response.AssertStatusAsync(HttpStatusCode.Created);
        var body = await response.ReadJsonAsync();
        var id = body.Id();
        Assert.True(Guid.TryParse(id, out _));
        Assert.Equal($"/admin/v1/webhook-endpoints/{id}", response.Headers.Location?.ToString());
        Assert.Equal("https://app.example/hooks/scim", body.GetProperty("url").GetString());
        Assert.Equal(["user.*", "group.user_added"], body.GetProperty("events").EnumerateArray().Select(item => item.GetString()));
        Assert.Equal(["contoso.com"], body.GetProperty("organizations").EnumerateArray().Select(item => item.GetString()));
        Assert.True(body.GetProperty("enabled").GetBoolean());
        Assert.Equal(factory.Clock.GetUtcNow(), body.GetProperty("createdAt").GetDateTimeOffset());
        AssertSecretFormat(body.GetProperty("secret").GetString());
    }

    [Fact]
    public async Task Create_WhenEventsAndOrganizationsAreOmitted_ShouldSubscribeToEverything()
    {
        var body = await _admin.CreateWebhookEndpointAsync();

        Assert.Equal(0, body.GetProperty("events").GetArrayLength());
        Assert.Equal(0, body.GetProperty("organizations").GetArrayLength());
    }

    [Fact]
    public async Task Create_TwoEndpoints_ShouldGetDifferentSecrets()
    {
        var first = await _admin.CreateWebhookEndpointAsync();
        var second = await _admin.CreateWebhookEndpointAsync();

        Assert.NotEqual(first.GetProperty("secret").GetString(), second.GetProperty("secret").GetString());
    }

    [Fact]
    public async Task GetAndList_ShouldNeverReturnTheSecret()
    {
        var created = await _admin.CreateWebhookEndpointAsync();
        var secret = created.GetProperty("secret").GetString()!;

        var one = await _admin.GetAsync($"{WebhookApi.EndpointsUrl}/{created.Id()}", Ct);
        var list = await _admin.GetAsync(WebhookApi.EndpointsUrl, Ct);

        await one.AssertStatusAsync(HttpStatusCode.OK);
        await list.AssertStatusAsync(HttpStatusCode.OK);
        var oneText = await one.Content.ReadAsStringAsync(Ct);
        var listText = await list.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain(secret, oneText, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listText, StringComparison.Ordinal);
        Assert.DoesNotContain("\"secret\"", oneText, StringComparison.Ordinal);
        Assert.DoesNotContain("ciphertext", listText, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(created.Id(), (await one.ReadJsonAsync()).Id());
        Assert.Contains(created.Id(), (await list.ReadJsonAsync()).EnumerateArray().Select(item => item.Id()));
    }

    [Fact]
    public async Task Get_WhenUnknown_ShouldReturn404ProblemDetails()
    {
        var response = await _admin.GetAsync($"{WebhookApi.EndpointsUrl}/{Guid.NewGuid()}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("webhook_endpoint.not_found", (await response.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("""{"events":["user.*"]}""", "url")]
    [InlineData("""{"url":"not a url"}""", "url")]
    [InlineData("""{"url":"/relative/path"}""", "url")]
    [InlineData("""{"url":"ftp://app.example/hooks"}""", "url")]
    [InlineData("""{"url":"https://user:pass@app.example/hooks"}""", "url")]
    [InlineData("""{"url":"https://app.example/hooks","events":["user.exploded"]}""", "user.exploded")]
    [InlineData("""{"url":"https://app.example/hooks","events":["nothing.*"]}""", "nothing.*")]
    [InlineData("""{"url":"https://app.example/hooks","events":["user"]}""", "events")]
    [InlineData("""{"url":"https://app.example/hooks","organizations":["not a domain"]}""", "not a domain")]
    [InlineData("""{"url":"https://app.example/hooks","organizations":["localhost"]}""", "organizations")]
    public async Task Create_WhenInvalid_ShouldReturn400ProblemDetailsNamingTheProblem(string json, string mentioned)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        var response = await _admin.PostAsync(WebhookApi.EndpointsUrl, content, Ct);

        await response.AssertStatusAsync(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = (await response.ReadJsonAsync()).GetProperty("detail").GetString();
        Assert.Contains(mentioned, detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patch_ShouldChangeUrlSubscriptionsAndKeepWhatIsNotGiven()
    {
        var created = await _admin.CreateWebhookEndpointAsync(events: ["user.*"], organizations: ["contoso.com"]);

        var response = await _admin.PatchAsJsonAsync(
            $"{WebhookApi.EndpointsUrl}/{created.Id()}", new { url = "https://other.example/in", events = new[] { "group.*" } }, Ct);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var body = await response.ReadJsonAsync();
        Assert.Equal("https://other.example/in", body.GetProperty("url").GetString());
        Assert.Equal(["group.*"], body.GetProperty("events").EnumerateArray().Select(item => item.GetString()));
        Assert.Equal(["contoso.com"], body.GetProperty("organizations").EnumerateArray().Select(item => item.GetString()));
        Assert.True(body.GetProperty("enabled").GetBoolean());
        Assert.False(body.TryGetProperty("secret", out _));
    }

    [Fact]
    public async Task Patch_WhenEmptyListsAreGiven_ShouldSubscribeToEverything()
    {
        var created = await _admin.CreateWebhookEndpointAsync(events: ["user.*"], organizations: ["contoso.com"]);

        var response = await _admin.PatchAsJsonAsync(
            $"{WebhookApi.EndpointsUrl}/{created.Id()}", new { events = Array.Empty<string>(), organizations = Array.Empty<string>() }, Ct);

        var body = await response.ReadJsonAsync();
        Assert.Equal(0, body.GetProperty("events").GetArrayLength());
        Assert.Equal(0, body.GetProperty("organizations").GetArrayLength());
    }

    [Fact]
    public async Task Patch_DisableThenEnable_ShouldRecordTheReasonAndClearIt()
    {
        var created = await _admin.CreateWebhookEndpointAsync();
        var url = $"{WebhookApi.EndpointsUrl}/{created.Id()}";

        var disabled = await (await _admin.PatchAsJsonAsync(url, new { enabled = false }, Ct)).ReadJsonAsync();
        var enabled = await (await _admin.PatchAsJsonAsync(url, new { enabled = true }, Ct)).ReadJsonAsync();

        Assert.False(disabled.GetProperty("enabled").GetBoolean());
        Assert.Equal("disabled by an administrator", disabled.GetProperty("disabledReason").GetString());
        Assert.Equal(factory.Clock.GetUtcNow(), disabled.GetProperty("disabledAt").GetDateTimeOffset());
        Assert.True(enabled.GetProperty("enabled").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, enabled.GetProperty("disabledReason").ValueKind);
    }

    [Theory]
    [InlineData("""{"url":"mailto:someone@example.com"}""")]
    [InlineData("""{"events":["user.created","bogus"]}""")]
    [InlineData("""{"organizations":["-bad.example.com"]}""")]
    public async Task Patch_WhenInvalid_ShouldReturn400AndChangeNothing(string json)
    {
        var created = await _admin.CreateWebhookEndpointAsync();
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        var response = await _admin.PatchAsync($"{WebhookApi.EndpointsUrl}/{created.Id()}", content, Ct);
        var after = await (await _admin.GetAsync($"{WebhookApi.EndpointsUrl}/{created.Id()}", Ct)).ReadJsonAsync();

        await response.AssertStatusAsync(HttpStatusCode.BadRequest);
        Assert.Equal(created.GetProperty("url").GetString(), after.GetProperty("url").GetString());
        Assert.Equal(0, after.GetProperty("events").GetArrayLength());
    }

    [Fact]
    public async Task Patch_WhenUnknown_ShouldReturn404()
    {
        var response = await _admin.PatchAsJsonAsync($"{WebhookApi.EndpointsUrl}/{Guid.NewGuid()}", new { enabled = false }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Delete_ShouldReturn204AndThen404()
    {
        var created = await _admin.CreateWebhookEndpointAsync();

        var deleted = await _admin.DeleteAsync($"{WebhookApi.EndpointsUrl}/{created.Id()}", Ct);
        var again = await _admin.DeleteAsync($"{WebhookApi.EndpointsUrl}/{created.Id()}", Ct);
        var get = await _admin.GetAsync($"{WebhookApi.EndpointsUrl}/{created.Id()}", Ct);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task RotateSecret_ShouldReturnANewSecretAndKeepTheOldForTheDefaultGrace()
    {
        var created = await _admin.CreateWebhookEndpointAsync();
        var oldSecret = created.GetProperty("secret").GetString();

        var response = await _admin.PostAsync($"{WebhookApi.EndpointsUrl}/{created.Id()}/secret", null, Ct);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var body = await response.ReadJsonAsync();
        var newSecret = body.GetProperty("secret").GetString();
        AssertSecretFormat(newSecret);
        Assert.NotEqual(oldSecret, newSecret);
        Assert.Equal(factory.Clock.GetUtcNow().AddDays(1), body.GetProperty("previousSecretExpiresAt").GetDateTimeOffset());
        var endpoint = await (await _admin.GetAsync($"{WebhookApi.EndpointsUrl}/{created.Id()}", Ct)).ReadJsonAsync();
        Assert.Equal(factory.Clock.GetUtcNow().AddDays(1), endpoint.GetProperty("previousSecretExpiresAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task RotateSecret_ShouldStoreOnlyCiphertexts()
    {
        var created = await _admin.CreateWebhookEndpointAsync();
        var oldSecret = created.GetProperty("secret").GetString()!;

        var rotated = await (await _admin.PostAsJsonAsync(
            $"{WebhookApi.EndpointsUrl}/{created.Id()}/secret", new { gracePeriodSeconds = 3600 }, Ct)).ReadJsonAsync();
        var newSecret = rotated.GetProperty("secret").GetString()!;

        var stored = await WebhookApi.QueryDatabaseAsync(
            factory,
            "SELECT \"SecretCiphertext\" || '|' || \"PreviousSecretCiphertext\" FROM \"WebhookEndpoints\" WHERE \"Id\" = @id",
            ("@id", factory.Database.Key(created.Id())));
        var row = Assert.Single(stored)!;
        var (current, previous) = (row.Split('|')[0], row.Split('|')[1]);
        Assert.False(string.IsNullOrEmpty(current));
        Assert.False(string.IsNullOrEmpty(previous));
        Assert.NotEqual(current, previous);
        foreach (var secret in new[] { oldSecret, newSecret })
        {
            Assert.DoesNotContain(secret, row, StringComparison.Ordinal);
            Assert.DoesNotContain(secret["whsec_".Length..], row, StringComparison.Ordinal);
        }

        Assert.Equal(factory.Clock.GetUtcNow().AddHours(1), rotated.GetProperty("previousSecretExpiresAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task RotateSecret_WithZeroGrace_ShouldDropTheOldSecretAtOnce()
    {
        var created = await _admin.CreateWebhookEndpointAsync();

        var rotated = await (await _admin.PostAsJsonAsync(
            $"{WebhookApi.EndpointsUrl}/{created.Id()}/secret", new { gracePeriodSeconds = 0 }, Ct)).ReadJsonAsync();

        Assert.Equal(System.Text.Json.JsonValueKind.Null, rotated.GetProperty("previousSecretExpiresAt").ValueKind);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(7 * 24 * 60 * 60 + 1)]
    public async Task RotateSecret_WhenGraceIsOutOfRange_ShouldReturn400(int grace)
    {
        var created = await _admin.CreateWebhookEndpointAsync();

        var response = await _admin.PostAsJsonAsync(
            $"{WebhookApi.EndpointsUrl}/{created.Id()}/secret", new { gracePeriodSeconds = grace }, Ct);

        await response.AssertStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains("gracePeriodSeconds", (await response.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RotateSecret_WhenUnknown_ShouldReturn404()
    {
        var response = await _admin.PostAsync($"{WebhookApi.EndpointsUrl}/{Guid.NewGuid()}/secret", null, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/admin/v1/webhook-endpoints")]
    [InlineData("POST", "/admin/v1/webhook-endpoints")]
    [InlineData("GET", "/admin/v1/webhook-endpoints/0191e0a4-0000-7000-8000-000000000000")]
    [InlineData("PATCH", "/admin/v1/webhook-endpoints/0191e0a4-0000-7000-8000-000000000000")]
    [InlineData("DELETE", "/admin/v1/webhook-endpoints/0191e0a4-0000-7000-8000-000000000000")]
    [InlineData("POST", "/admin/v1/webhook-endpoints/0191e0a4-0000-7000-8000-000000000000/secret")]
    [InlineData("GET", "/admin/v1/webhook-endpoints/0191e0a4-0000-7000-8000-000000000000/deliveries")]
    [InlineData("POST", "/admin/v1/webhook-endpoints/0191e0a4-0000-7000-8000-000000000000/replay")]
    [InlineData("POST", "/admin/v1/deliveries/0191e0a4-0000-7000-8000-000000000000/retry")]
    [InlineData("GET", "/admin/v1/events")]
    public async Task WebhookAdminApi_WithoutTheAdminKey_ShouldReturn401(string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer wrong-key");

        var anonymous = await factory.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), url), Ct);
        var wrongKey = await factory.CreateClient().SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
    }

    [Fact]
    public async Task OpenApi_ShouldDescribeTheWebhookAndEventsEndpoints()
    {
        var document = await (await factory.CreateClient().GetAsync("/openapi/v1.json", Ct)).ReadJsonAsync();

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/admin/v1/webhook-endpoints", out var list));
        Assert.Equal("CreateWebhookEndpoint", list.GetProperty("post").GetProperty("operationId").GetString());
        Assert.Equal("Webhooks", list.GetProperty("post").GetProperty("tags")[0].GetString());
        Assert.True(paths.TryGetProperty("/admin/v1/webhook-endpoints/{id}/deliveries", out _));
        Assert.True(paths.TryGetProperty("/admin/v1/deliveries/{id}/retry", out _));
        var events = paths.GetProperty("/admin/v1/events").GetProperty("get");
        Assert.Equal("Events", events.GetProperty("tags")[0].GetString());
        Assert.True(events.TryGetProperty("summary", out _));
    }

    private static void AssertSecretFormat(string? secret)
    {
        Assert.NotNull(secret);
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        Assert.Equal(32, key.Length);
    }
}
