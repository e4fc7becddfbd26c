using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ScimClean.Api.IntegrationTests.Infrastructure;
using ScimClean.Api.IntegrationTests.Scim.Groups;
using ScimClean.Api.IntegrationTests.Webhooks.Dispatch;
using ScimClean.Infrastructure.Persistence;

namespace ScimClean.Api.IntegrationTests.Hardening.Logging;

/// <summary>
/// A whole provisioning run through the real pipeline with every log message of every category kept at Trace level;
/// then no credential, password or distinctive body value may appear anywhere in what was logged.
/// </summary>
public sealed class SecretsNeverLoggedTests : IAsyncDisposable
{
    private const string UserSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
    private readonly ScimCleanApiFactory _base = new();
    private readonly CapturingLoggerProvider _capture = new();
    private readonly WebApplicationFactory<Program> _factory;
    private readonly string _unique = Guid.NewGuid().ToString("N");

    public SecretsNeverLoggedTests()
    {
        _factory = _base.WithWebHostBuilder(builder =>
        {
            // Configuration rules name categories, and the most specific rule wins: open every one of them.
            builder.UseSetting("Logging:LogLevel:Default", "Trace");
            builder.UseSetting("Logging:LogLevel:Microsoft", "Trace");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace");
            builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Trace");
            builder.UseSetting("Logging:LogLevel:System", "Trace");
            builder.ConfigureLogging(logging =>
            {
                logging.SetMinimumLevel(LogLevel.Trace);
                logging.AddProvider(_capture);
                logging.AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace);
            });
        });
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AFullProvisioningRun_ShouldLogNoSecretPasswordOrBodyValue()
    {
        using var receiver = WebhookReceiver.Start();
        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        receiver.Respond = (_, _) =>
        {
            delivered.TrySetResult();
            return ReceiverReply.Ok;
        };
        var admin = Client(ScimCleanApiFactory.AdminApiKey);
        var domain = AdminApi.NewDomain();
        var password = $"Pa55-{_unique}-word!";
        var newPassword = $"Next-{_unique}-secret?";
        var familyName = $"Quixotefamily{_unique}";
        var newFamilyName = $"Renamedfamily{_unique}";
        var email = $"private.mail.{_unique}@personal.example";
        var title = $"Chief {_unique} Officer";
        var wrongToken = $"scim_wrong{_unique}";
        var wrongAdminKey = $"sca_wrong{_unique}";

        // Admin: organization, directory sync (token), webhook endpoint (secret), then both rotated.
        await admin.CreateOrganizationAsync(domain);
        var firstToken = await admin.EnableDirectorySyncAsync(domain);
        var endpoint = await PostJsonAsync(admin, "/admin/v1/webhook-endpoints", new { url = receiver.Url, organizations = new[] { domain } }, HttpStatusCode.Created);
        var endpointId = endpoint.GetProperty("id").GetString();
        var firstSecret = endpoint.GetProperty("secret").GetString()!;
        var rotatedToken = await PostJsonAsync(admin, $"/admin/v1/organizations/{domain}/directory-sync/token", new { gracePeriodSeconds = 3600 }, HttpStatusCode.OK);
        var secondToken = rotatedToken.GetProperty("secretToken").GetString()!;
        var rotatedSecret = await PostJsonAsync(admin, $"/admin/v1/webhook-endpoints/{endpointId}/secret", new { gracePeriodSeconds = 60 }, HttpStatusCode.OK);
        var secondSecret = rotatedSecret.GetProperty("secret").GetString()!;

        // SCIM, with the new token and the old one (inside its grace period).
        var scim = Client(secondToken);
        var oldScim = Client(firstToken);
        var userBody = $$"""
            {"schemas": ["{{UserSchema}}"], "userName": "ada-{{_unique}}@{{domain}}", "password": "{{password}}", "title": "{{title}}",
             "name": {"familyName": "{{familyName}}", "givenName": "Ada"}, "emails": [{"value": "{{email}}", "type": "home", "primary": true}], "active": true}
            """;
        var userId = (await SendAsync(scim, HttpMethod.Post, $"/org/{domain}/scim/v2/Users", userBody, HttpStatusCode.Created)).GetProperty("id").GetString();
        var secondUserId = (await SendAsync(oldScim, HttpMethod.Post, $"/org/{domain}/scim/v2/Users",
            $$"""{"schemas": ["{{UserSchema}}"], "userName": "grace-{{_unique}}@{{domain}}", "password": "{{password}}"}""", HttpStatusCode.Created)).GetProperty("id").GetString();
        await SendAsync(scim, HttpMethod.Patch, $"/org/{domain}/scim/v2/Users/{userId}", $$"""
            {"schemas": ["{{ScimDirectory.PatchOpSchema}}"], "Operations": [
              {"op": "replace", "path": "name.familyName", "value": "{{newFamilyName}}"},
              {"op": "replace", "path": "password", "value": "{{newPassword}}"},
              {"op": "Replace", "path": "active", "value": "False"}]}
            """, HttpStatusCode.OK);
        var groupId = (await SendAsync(scim, HttpMethod.Post, $"/org/{domain}/scim/v2/Groups",
            ScimDirectory.GroupBody($"Team {_unique}", userId!, secondUserId!), HttpStatusCode.Created)).GetProperty("id").GetString();
        await SendAsync(scim, HttpMethod.Patch, $"/org/{domain}/scim/v2/Groups/{groupId}", $$"""
            {"schemas": ["{{ScimDirectory.PatchOpSchema}}"], "Operations": [{"op": "remove", "path": "members[value eq \"{{secondUserId}}\"]"}]}
            """, HttpStatusCode.NoContent, HttpStatusCode.OK);

        // Requests that fail: malformed JSON holding the password, a conflict, unknown ids, and wrong credentials.
        await SendAsync(scim, HttpMethod.Post, $"/org/{domain}/scim/v2/Users", $$"""{"userName": "x@{{domain}}", "password": "{{password}}", """, HttpStatusCode.BadRequest);
        await SendAsync(scim, HttpMethod.Post, $"/org/{domain}/scim/v2/Users", userBody, HttpStatusCode.Conflict);
        await SendAsync(scim, HttpMethod.Put, $"/org/{domain}/scim/v2/Users/{Guid.NewGuid()}", userBody, HttpStatusCode.NotFound);
        await SendAsync(Client(wrongToken), HttpMethod.Get, $"/org/{domain}/scim/v2/Users", null, HttpStatusCode.Unauthorized);
        await SendAsync(Client(firstToken + "x"), HttpMethod.Post, $"/org/{domain}/scim/v2/Users", userBody, HttpStatusCode.Unauthorized);
        await SendAsync(Client(secondToken), HttpMethod.Get, $"/org/{AdminApi.NewDomain()}/scim/v2/Users", null, HttpStatusCode.Unauthorized);
        await SendAsync(Client(wrongAdminKey), HttpMethod.Get, "/admin/v1/organizations", null, HttpStatusCode.Unauthorized);
        await SendAsync(Client(secondToken), HttpMethod.Get, "/admin/v1/organizations", null, HttpStatusCode.Unauthorized);

        // The dispatcher signs with the current secrets and sends to the receiver.
        await delivered.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        await SendAsync(scim, HttpMethod.Delete, $"/org/{domain}/scim/v2/Users/{secondUserId}", null, HttpStatusCode.NoContent);
        await SendAsync(scim, HttpMethod.Delete, $"/org/{domain}/scim/v2/Groups/{groupId}", null, HttpStatusCode.NoContent);
        await SendAsync(admin, HttpMethod.Delete, $"/admin/v1/organizations/{domain}/directory-sync", null, HttpStatusCode.NoContent);

        AssertSensitiveDataLoggingIsOff();
        var logs = _capture.Logs;
        // The capture must really hold the framework's own logging, or finding nothing would prove nothing.
        Assert.Contains(logs, log => log.Category.StartsWith("Microsoft.EntityFrameworkCore.Database.Command", StringComparison.Ordinal) && log.Level == LogLevel.Information);
        Assert.Contains(logs, log => log.Category.StartsWith("Microsoft.AspNetCore.Hosting", StringComparison.Ordinal));
        Assert.Contains(logs, log => log.Category.StartsWith("ScimClean.Api.Auth", StringComparison.Ordinal) && log.Message.Contains("not authenticated", StringComparison.Ordinal));
        Assert.Contains(logs, log => log.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal));
        Assert.Contains(logs, log => log.Level == LogLevel.Trace);
        Assert.Contains(logs, log => log.Message.Contains("Parameters=[", StringComparison.Ordinal));
        var searched = new Dictionary<string, string>
        {
            ["admin API key"] = ScimCleanApiFactory.AdminApiKey,
            ["wrong admin API key"] = wrongAdminKey,
            ["first SCIM token"] = firstToken,
            ["rotated SCIM token"] = secondToken,
            ["wrong SCIM token"] = wrongToken,
            ["first webhook secret"] = firstSecret,
            ["first webhook secret, raw"] = firstSecret["whsec_".Length..],
            ["rotated webhook secret"] = secondSecret,
            ["rotated webhook secret, raw"] = secondSecret["whsec_".Length..],
            ["password"] = password,
            ["patched password"] = newPassword,
            ["familyName"] = familyName,
            ["patched familyName"] = newFamilyName,
            ["email"] = email,
            ["title"] = title,
        };
        var hits = (from log in logs
                    from secret in searched
                    where log.Text.Contains(secret.Value, StringComparison.OrdinalIgnoreCase)
                    select $"{secret.Key} in {log}").ToList();
        Assert.True(hits.Count == 0, string.Join("\n", hits));
        TestContext.Current.TestOutputHelper?.WriteLine($"{logs.Count} log messages searched for {searched.Count} values");
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _base.DisposeAsync();
    }

    private void AssertSensitiveDataLoggingIsOff()
    {
        using var scope = _factory.Services.CreateScope();
        var dbContext = scope.ServiceProvider.GetRequiredService<ScimCleanDbContext>();
        var core = dbContext.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>();
        Assert.False(core?.IsSensitiveDataLoggingEnabled ?? false, "EF Core sensitive data logging must stay off: it writes parameter values to the log");
    }

    private HttpClient Client(string bearer)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }

    private static async Task<System.Text.Json.JsonElement> PostJsonAsync(HttpClient client, string url, object body, HttpStatusCode expected)
    {
        var response = await client.PostAsJsonAsync(url, body, Ct);
        Assert.Equal(expected, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static async Task<System.Text.Json.JsonElement> SendAsync(
        HttpClient client, HttpMethod method, string url, string? body, params HttpStatusCode[] expected)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, ScimDirectory.ScimMediaType);
        }

        var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected.Contains(response.StatusCode), $"{method} {url}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : System.Text.Json.JsonDocument.Parse(text).RootElement.Clone();
    }
}
