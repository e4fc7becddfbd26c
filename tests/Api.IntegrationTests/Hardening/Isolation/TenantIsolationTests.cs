using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ScimClean.Api.IntegrationTests.Infrastructure;
using ScimClean.Api.IntegrationTests.Scim.Groups;
using ScimClean.Api.IntegrationTests.Webhooks;

namespace ScimClean.Api.IntegrationTests.Hardening.Isolation;

/// <summary>
/// Tenant isolation, route by route. Every route the application maps has a check here (a route without one fails
/// <see cref="EveryMappedRoute_ShouldHaveAnIsolationCheck"/>), and every check ends by comparing B's stored data with
/// what it was before: requests made for A (or with A's token) never read, list or change B's data.
/// </summary>
public sealed class TenantIsolationTests(IsolationApp app) : IClassFixture<IsolationApp>
{
    private const string Scim = "/org/{orgDomain}/scim/v2";
    private const string Admin = "/admin/v1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>One check per route, keyed "METHOD pattern" as the endpoint data source describes it.</summary>
    private static readonly Dictionary<string, Func<IsolationApp, Task>> Checks = new()
    {
        [$"POST {Scim}/Users"] = async app =>
        {
            await ExpectScim401OnBAsync(app, HttpMethod.Post, "/Users", UserBody(app.B.UserNames[0]));
            // groups is read-only: naming B's group in a new user of A must not make anyone a member of it.
            var body = $$"""
                {"schemas": ["{{ScimDirectory.UserSchema}}"], "userName": "joiner-{{Guid.NewGuid():N}}@{{app.A.Domain}}",
                 "groups": [{"value": "{{app.B.GroupId}}"}]}
                """;
            var response = await app.ScimA.PostAsync("/Users", body);
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.BadRequest, $"{response.StatusCode}");
            await IsolationApp.AssertMentionsNothingOfAsync(response, app.B);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                var created = (await response.ReadJsonAsync()).GetProperty("id").GetString();
                Assert.Equal(HttpStatusCode.NoContent, (await app.ScimA.SendAsync(HttpMethod.Delete, $"/Users/{created}")).StatusCode);
            }
        },
        [$"GET {Scim}/Users"] = async app =>
        {
            await ExpectScim401OnBAsync(app, HttpMethod.Get, "/Users");
            foreach (var query in FiltersNamingB(app, "Users"))
            {
                var response = await app.ScimA.GetAsync($"/Users{query}");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                await IsolationApp.AssertMentionsNothingOfAsync(response, app.B);
            }

            var all = await app.ScimA.GetAsync("/Users?count=1000");
            Assert.Equal(app.A.UserIds.Order(), IsolationApp.Resources(await all.ReadJsonAsync())
                .Select(user => user.GetProperty("id").GetString()!).Intersect(app.A.UserIds.Concat(app.B.UserIds)).Order());
        },
        [$"POST {Scim}/Users/.search"] = async app =>
        {
            await ExpectScim401OnBAsync(app, HttpMethod.Post, "/Users/.search", SearchBody($"userName eq \"{app.B.UserNames[0]}\""));
            foreach (var filter in FilterExpressionsNamingB(app, "Users"))
            {
                var response = await app.ScimA.PostAsync("/Users/.search", SearchBody(filter));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(0, (await response.ReadJsonAsync()).GetProperty("totalResults").GetInt32());
            }
        },
        [$"GET {Scim}/Users/{{id}}"] = async app =>
        {
            await ExpectScim401OnBAsync(app, HttpMethod.Get, $"/Users/{app.B.UserIds[0]}");
            await ExpectScim404OnAAsync(app, HttpMethod.Get, $"/Users/{app.B.UserIds[0]}");
        },
        [$"PUT {Scim}/Users/{{id}}"] = async app =>
        {
            await ExpectScim401OnBAsync(app, HttpMethod.Put, $"/Users/{app.B.UserIds[0]}", UserBody(app.B.UserNames[0]));
            await ExpectScim404OnAAsync(app, HttpMethod.Put, $"/Users/{app.B.UserIds[0]}", UserBody(app.B.UserNames[0]));
        },
        [$"PATCH {Scim}/Users/{{id}}"] = async app =>
        {
            var patch = PatchBody("""[{"op": "replace", "path": "active", "value": false}]""");
            await ExpectScim401OnBAsync(app, HttpMethod.Patch, $"/Users/{app.B.UserIds[0]}", patch);
            await ExpectScim404OnAAsync(app, HttpMethod.Patch, $"/Users/{app.B.UserIds[0]}", patch);
        },
        [$"DELETE {Scim}/Users/{{id}}"] = async app =>
        {
            await ExpectScim401OnBAsync(app, HttpMethod.Delete, $"/Users/{app.B.UserIds[1]}");
            await ExpectScim404OnAAsync(app, HttpMethod.Delete, $"/Users/{app.B.UserIds[1]}");
        },
        [$"POST {Scim}/Groups"] = async app =>
        {
            await ExpectScim401OnBAsync(app, HttpMethod.Post, "/Groups", ScimDirectory.GroupBody("Any"));
            // A group of A may not hold B's user: rejected as a whole, nothing created.
            var response = await app.ScimA.PostAsync("/Groups", ScimDirectory.GroupBody($"Cross {Guid.NewGuid():N}", app.B.UserIds[0]));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        },
        [$"GET {Scim}/Groups"] = async app =>
        {
            await ExpectScim401OnBAsync(app, HttpMethod.Get, "/Groups");
            foreach (var query in FiltersNamingB(app, "Groups"))
            {
                var response = await app.ScimA.GetAsync($"/Groups{query}");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                await IsolationApp.AssertMentionsNothingOfAsync(response, app.B);
            }
        },
        [$"POST {Scim}/Groups/.search"] = async app =>
        {
            await ExpectScim401OnBAsync(app, HttpMethod.Post, "/Groups/.search", SearchBody($"displayName eq \"{app.B.GroupName}\""));
            foreach (var filter in FilterExpressionsNamingB(app, "Groups"))
            {
                var response = await app.ScimA.PostAsync("/Groups/.search", SearchBody(filter));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(0, (await response.ReadJsonAsync()).GetProperty("totalResults").GetInt32());
            }
        },
        [$"GET {Scim}/Groups/{{id}}"] = async app =>
        {
            await ExpectScim401OnBAsync(app, HttpMethod.Get, $"/Groups/{app.B.GroupId}");
            await ExpectScim404OnAAsync(app, HttpMethod.Get, $"/Groups/{app.B.GroupId}");
        },
        [$"PUT {Scim}/Groups/{{id}}"] = async app =>
        {
            var body = ScimDirectory.GroupBody(app.B.GroupName);
            await ExpectScim401OnBAsync(app, HttpMethod.Put, $"/Groups/{app.B.GroupId}", body);
            await ExpectScim404OnAAsync(app, HttpMethod.Put, $"/Groups/{app.B.GroupId}", body);
            // Replacing A's own group with B's user as a member is refused, and A's group keeps its members.
            var response = await app.ScimA.SendAsync(HttpMethod.Put, $"/Groups/{app.A.GroupId}", ScimDirectory.GroupBody(app.A.GroupName, app.B.UserIds[0]));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal([app.A.UserIds[0]], await app.ScimA.GetMemberIdsAsync(app.A.GroupId));
        },
        [$"PATCH {Scim}/Groups/{{id}}"] = async app =>
        {
            var addB = $$"""[{"op": "add", "path": "members", "value": [{"value": "{{app.B.UserIds[1]}}"}]}]""";
            await ExpectScim401OnBAsync(app, HttpMethod.Patch, $"/Groups/{app.B.GroupId}", PatchBody(addB));
            await ExpectScim404OnAAsync(app, HttpMethod.Patch, $"/Groups/{app.B.GroupId}", PatchBody(addB));
            // Adding B's user (or group) to A's group: 400, and A's group is as it was.
            foreach (var memberId in new[] { app.B.UserIds[1], app.B.GroupId })
            {
                var operations = $$"""[{"op": "add", "path": "members", "value": [{"value": "{{memberId}}"}]}]""";
                Assert.Equal(HttpStatusCode.BadRequest, (await app.ScimA.PatchGroupAsync(app.A.GroupId, operations)).StatusCode);
            }

            // Removing B's member through A's group changes nothing of B's group.
            var remove = $$"""[{"op": "remove", "path": "members[value eq \"{{app.B.UserIds[0]}}\"]"}]""";
            Assert.True((int)(await app.ScimA.PatchGroupAsync(app.A.GroupId, remove)).StatusCode is 200 or 204 or 400);
            Assert.Equal([app.A.UserIds[0]], await app.ScimA.GetMemberIdsAsync(app.A.GroupId));
        },
        [$"DELETE {Scim}/Groups/{{id}}"] = async app =>
        {
            await ExpectScim401OnBAsync(app, HttpMethod.Delete, $"/Groups/{app.B.GroupId}");
            await ExpectScim404OnAAsync(app, HttpMethod.Delete, $"/Groups/{app.B.GroupId}");
        },
        [$"GET {Scim}/ServiceProviderConfig"] = app => ExpectDiscoveryAsync(app, "/ServiceProviderConfig"),
        [$"GET {Scim}/ResourceTypes"] = app => ExpectDiscoveryAsync(app, "/ResourceTypes"),
        [$"GET {Scim}/ResourceTypes/{{name}}"] = app => ExpectDiscoveryAsync(app, "/ResourceTypes/User"),
        [$"GET {Scim}/Schemas"] = app => ExpectDiscoveryAsync(app, "/Schemas"),
        [$"GET {Scim}/Schemas/{{urn}}"] = app => ExpectDiscoveryAsync(app, $"/Schemas/{ScimDirectory.UserSchema}"),

        [$"POST {Admin}/organizations"] = async app =>
        {
            var response = await app.Admin.PostAsJsonAsync($"{Admin}/organizations", new { domain = app.B.Domain, name = "Taken over" }, Ct);
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            var upperCase = await app.Admin.PostAsJsonAsync($"{Admin}/organizations", new { domain = app.B.Domain.ToUpperInvariant() + ".", name = "Taken over" }, Ct);
            Assert.Equal(HttpStatusCode.Conflict, upperCase.StatusCode);
        },
        [$"GET {Admin}/organizations"] = async app =>
        {
            // The admin key sees every organization; the list must still not hand out any credential.
            var response = await app.Admin.GetAsync($"{Admin}/organizations", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await AssertNoCredentialAsync(app, response);
        },
        [$"GET {Admin}/organizations/{{domain}}"] = async app =>
        {
            var response = await app.Admin.GetAsync($"{Admin}/organizations/{app.A.Domain}", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await IsolationApp.AssertMentionsNothingOfAsync(response, app.B);
            await AssertNoCredentialAsync(app, response);
        },
        [$"DELETE {Admin}/organizations/{{domain}}"] = async app =>
        {
            var doomed = await ScimDirectory.CreateAsync(app.Factory);
            await doomed.CreateUserAsync(app.B.UserNames[0]);
            Assert.Equal(HttpStatusCode.NoContent, (await app.Admin.DeleteAsync($"{Admin}/organizations/{doomed.Domain}", Ct)).StatusCode);
            await ExpectTokensStillWorkAsync(app);
        },
        [$"POST {Admin}/organizations/{{domain}}/directory-sync"] = async app =>
        {
            var response = await app.Admin.PostAsync($"{Admin}/organizations/{app.A.Domain}/directory-sync", null, Ct);
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            var fresh = await app.Admin.CreateOrganizationAsync();
            var token = await app.Admin.EnableDirectorySyncAsync(fresh);
            using var client = app.Factory.CreateScimClient(token);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/org/{app.B.Domain}/scim/v2/Users", Ct)).StatusCode);
        },
        [$"GET {Admin}/organizations/{{domain}}/directory-sync"] = async app =>
        {
            var response = await app.Admin.GetAsync($"{Admin}/organizations/{app.A.Domain}/directory-sync", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await IsolationApp.AssertMentionsNothingOfAsync(response, app.B);
            await AssertNoCredentialAsync(app, response);
        },
        [$"DELETE {Admin}/organizations/{{domain}}/directory-sync"] = async app =>
        {
            var (domain, token) = await app.Admin.CreateDirectoryAsync();
            Assert.Equal(HttpStatusCode.NoContent, (await app.Admin.DeleteAsync($"{Admin}/organizations/{domain}/directory-sync", Ct)).StatusCode);
            using var client = app.Factory.CreateScimClient(token);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/org/{domain}/scim/v2/Users", Ct)).StatusCode);
            await ExpectTokensStillWorkAsync(app);
        },
        [$"POST {Admin}/organizations/{{domain}}/directory-sync/token"] = async app =>
        {
            // A long grace period keeps A's current token valid for the other checks.
            var response = await app.Admin.PostAsJsonAsync(
                $"{Admin}/organizations/{app.A.Domain}/directory-sync/token", new { gracePeriodSeconds = 7 * 24 * 3600 }, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.ReadJsonAsync();
            Assert.Contains(app.A.Domain, body.GetProperty("scimBaseUrl").GetString(), StringComparison.Ordinal);
            using var client = app.Factory.CreateScimClient(body.GetProperty("secretToken").GetString()!);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/org/{app.B.Domain}/scim/v2/Users", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/org/{app.A.Domain}/scim/v2/Users", Ct)).StatusCode);
            await ExpectTokensStillWorkAsync(app);
        },
        [$"GET {Admin}/organizations/{{domain}}/audit-log"] = async app =>
        {
            var response = await app.Admin.GetAsync($"{Admin}/organizations/{app.A.Domain}/audit-log?limit=1000", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var entries = (await response.ReadJsonAsync()).GetProperty("data").EnumerateArray().ToList();
            Assert.NotEmpty(entries);
            Assert.All(entries, entry => Assert.Equal(app.A.Domain, entry.GetProperty("organization").GetString()));
            await IsolationApp.AssertMentionsNothingOfAsync(response, app.B);
        },
        [$"GET {Admin}/audit-log"] = async app =>
        {
            var response = await app.Admin.GetAsync($"{Admin}/audit-log?organization={app.A.Domain}&limit=1000", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await IsolationApp.AssertMentionsNothingOfAsync(response, app.B);
            var everything = await app.Admin.GetAsync($"{Admin}/audit-log?limit=1000", Ct);
            await AssertNoCredentialAsync(app, everything);
        },
        [$"GET {Admin}/events"] = async app =>
        {
            var response = await app.Admin.GetAsync($"{Admin}/events?organization={app.A.Domain}&limit=1000", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var events = (await response.ReadJsonAsync()).GetProperty("data").EnumerateArray().ToList();
            Assert.NotEmpty(events);
            Assert.All(events, item => Assert.Equal(app.A.Domain, item.GetProperty("organization").GetString()));
            await IsolationApp.AssertMentionsNothingOfAsync(response, app.B);
        },
        [$"POST {Admin}/webhook-endpoints"] = async app =>
        {
            // A new endpoint subscribed to A: even asked for every stored event, it gets none of B's.
            var endpoint = await app.Admin.CreateWebhookEndpointAsync(organizations: [app.A.Domain]);
            var replay = await app.Admin.PostAsJsonAsync($"{WebhookApi.EndpointsUrl}/{endpoint.Id()}/replay", new { since = DateTimeOffset.UnixEpoch }, Ct);
            Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
            var deliveries = await app.Admin.GetDeliveriesAsync(endpoint.Id(), "?limit=1000");
            Assert.NotEmpty(deliveries.GetProperty("data").EnumerateArray());
            Assert.DoesNotContain(deliveries.GetProperty("data").EnumerateArray(), delivery =>
                app.B.EventIds.Contains(delivery.GetProperty("eventId").GetString()));
            Assert.Equal(HttpStatusCode.NoContent, (await app.Admin.DeleteAsync($"{WebhookApi.EndpointsUrl}/{endpoint.Id()}", Ct)).StatusCode);
        },
        [$"GET {Admin}/webhook-endpoints"] = async app =>
        {
            var response = await app.Admin.GetAsync(WebhookApi.EndpointsUrl, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await AssertNoCredentialAsync(app, response);
        },
        [$"GET {Admin}/webhook-endpoints/{{id:guid}}"] = async app =>
        {
            var response = await app.Admin.GetAsync($"{WebhookApi.EndpointsUrl}/{app.A.EndpointId}", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal([app.A.Domain], (await response.ReadJsonAsync()).GetProperty("organizations").EnumerateArray().Select(item => item.GetString()));
            await AssertNoCredentialAsync(app, response);
        },
        [$"PATCH {Admin}/webhook-endpoints/{{id:guid}}"] = async app =>
        {
            var response = await app.Admin.PatchAsJsonAsync(
                $"{WebhookApi.EndpointsUrl}/{app.A.EndpointId}", new { events = new[] { "user.*", "group.*" } }, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await IsolationApp.AssertMentionsNothingOfAsync(response, app.B);
        },
        [$"DELETE {Admin}/webhook-endpoints/{{id:guid}}"] = async app =>
        {
            var endpoint = await app.Admin.CreateWebhookEndpointAsync(organizations: [app.A.Domain]);
            Assert.Equal(HttpStatusCode.NoContent, (await app.Admin.DeleteAsync($"{WebhookApi.EndpointsUrl}/{endpoint.Id()}", Ct)).StatusCode);
        },
        [$"POST {Admin}/webhook-endpoints/{{id:guid}}/secret"] = async app =>
        {
            var response = await app.Admin.PostAsJsonAsync($"{WebhookApi.EndpointsUrl}/{app.A.EndpointId}/secret", new { gracePeriodSeconds = 60 }, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await IsolationApp.AssertMentionsNothingOfAsync(response, app.B);
        },
        [$"GET {Admin}/webhook-endpoints/{{id:guid}}/deliveries"] = async app =>
        {
            var response = await app.Admin.GetAsync($"{WebhookApi.EndpointsUrl}/{app.A.EndpointId}/deliveries?limit=1000", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotEmpty((await response.ReadJsonAsync()).GetProperty("data").EnumerateArray());
            await IsolationApp.AssertMentionsNothingOfAsync(response, app.B);
        },
        [$"POST {Admin}/webhook-endpoints/{{id:guid}}/replay"] = async app =>
        {
            // A's endpoint subscribes to A alone: a replay of everything queues A's events and none of B's.
            var response = await app.Admin.PostAsJsonAsync(
                $"{WebhookApi.EndpointsUrl}/{app.A.EndpointId}/replay", new { since = DateTimeOffset.UnixEpoch }, Ct);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            // The endpoint's types may have been narrowed by the PATCH check (the checks share one app, in any order).
            var endpoint = await (await app.Admin.GetAsync($"{WebhookApi.EndpointsUrl}/{app.A.EndpointId}", Ct)).ReadJsonAsync();
            var types = endpoint.GetProperty("events");
            var patterns = types.ValueKind == JsonValueKind.Array
                ? types.EnumerateArray().Select(pattern => pattern.GetString()!).ToList()
                : [];
            var aEvents = (await app.Admin.GetAllEventsAsync(app.A.Domain))
                .Select(item => item.GetProperty("type").GetString()!)
                .Where(type => patterns.Count == 0 || patterns.Any(pattern => pattern.EndsWith(".*", StringComparison.Ordinal)
                    ? type.StartsWith(pattern[..^1], StringComparison.Ordinal)
                    : type == pattern))
                .ToList();
            Assert.Equal(aEvents.Count, (await response.ReadJsonAsync()).GetProperty("queued").GetInt32());
            var deliveries = await app.Admin.GetDeliveriesAsync(app.A.EndpointId, "?limit=1000");
            Assert.DoesNotContain(deliveries.GetProperty("data").EnumerateArray(), delivery =>
                app.B.EventIds.Contains(delivery.GetProperty("eventId").GetString()));
        },
        [$"POST {Admin}/deliveries/{{id:guid}}/retry"] = async app =>
        {
            var response = await app.Admin.PostAsync($"{Admin}/deliveries/{app.A.DeliveryIds[0]}/retry", null, Ct);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            await IsolationApp.AssertMentionsNothingOfAsync(response, app.B);
        },

        // Service-wide by design (the copy holds every organization): only the admin key takes one, never a directory
        // token, and taking one changes nothing.
        [$"GET {Admin}/database/backup"] = async app =>
        {
            using var withDirectoryToken = app.Factory.CreateScimClient(app.A.Token);
            var refused = await withDirectoryToken.GetAsync($"{Admin}/database/backup", Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            var response = await app.Admin.GetAsync($"{Admin}/database/backup", Ct);
            Assert.Equal(app.Factory.Database.IsPostgres ? HttpStatusCode.Conflict : HttpStatusCode.OK, response.StatusCode);
        },

        // Not tenant routes: they must not disclose any organization's data.
        ["GET /openapi/{documentName}.json"] = async app =>
        {
            using var anonymous = app.Factory.CreateClient();
            var response = await anonymous.GetAsync("/openapi/v1.json", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await IsolationApp.AssertMentionsNothingOfAsync(response, app.A);
            await IsolationApp.AssertMentionsNothingOfAsync(response, app.B);
        },
        ["* /health/live"] = app => ExpectHealthAsync(app, "/health/live"),
        ["* /health/ready"] = app => ExpectHealthAsync(app, "/health/ready"),
    };

    public static TheoryData<string> Routes => [.. Checks.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void EveryMappedRoute_ShouldHaveAnIsolationCheck()
    {
        var mapped = MappedRoutes(app.Factory);

        Assert.Empty(mapped.Except(Checks.Keys).Select(route => $"no isolation check for {route}"));
        Assert.Empty(Checks.Keys.Except(mapped).Select(route => $"a check for {route}, which is not mapped"));
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_WhenUsedForOrganizationA_ShouldNeverReadOrChangeOrganizationB(string route)
    {
        var before = await app.FingerprintAsync(app.B);

        await Checks[route](app);

        Assert.Equal(before, await app.FingerprintAsync(app.B));
    }

    /// <summary>"METHOD pattern" of every route endpoint; "*" when a route takes any method (health checks).</summary>
    public static HashSet<string> MappedRoutes(ScimCleanApiFactory factory)
    {
        factory.CreateClient().Dispose();
        var source = factory.Services.GetRequiredService<EndpointDataSource>();
        var routes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText!.TrimEnd('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"];
            foreach (var method in methods)
            {
                routes.Add($"{method} {pattern}");
            }
        }

        return routes;
    }

    private static string UserBody(string userName) =>
        $$"""{"schemas": ["{{ScimDirectory.UserSchema}}"], "userName": "{{userName}}", "active": true}""";

    private static string PatchBody(string operations) =>
        $$"""{"schemas": ["{{ScimDirectory.PatchOpSchema}}"], "Operations": {{operations}}}""";

    private static string SearchBody(string filter) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["schemas"] = new[] { "urn:ietf:params:scim:api:messages:2.0:SearchRequest" },
            ["filter"] = filter,
        });

    private static IEnumerable<string> FilterExpressionsNamingB(IsolationApp app, string resource) => resource == "Users"
        ?
        [
            $"userName eq \"{app.B.UserNames[0]}\"",
            $"id eq \"{app.B.UserIds[0]}\"",
            $"externalId eq \"ext-{app.B.UserNames[0]}\"",
            $"name.familyName eq \"{app.B.FamilyName}\"",
            $"emails[value eq \"{app.B.UserNames[1]}\"]",
            $"userName sw \"first-bravo\" or id eq \"{app.B.UserIds[1]}\"",
        ]
        :
        [
            $"displayName eq \"{app.B.GroupName}\"",
            $"id eq \"{app.B.GroupId}\"",
            $"members[value eq \"{app.B.UserIds[0]}\"]",
            "displayName sw \"Bravo\"",
        ];

    private static IEnumerable<string> FiltersNamingB(IsolationApp app, string resource) =>
        FilterExpressionsNamingB(app, resource).Select(filter => "?filter=" + Uri.EscapeDataString(filter)).Append("?count=1000");

    /// <summary>A's token on B's URL: the same 401 as any bad token, and nothing of B in the answer.</summary>
    private static async Task ExpectScim401OnBAsync(IsolationApp app, HttpMethod method, string path, string? body = null)
    {
        using var client = app.Factory.CreateScimClient(app.A.Token);
        using var request = new HttpRequestMessage(method, $"/org/{app.B.Domain}/scim/v2{path}");
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, ScimDirectory.ScimMediaType);
        }

        var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await IsolationApp.AssertMentionsNothingOfAsync(response, app.B with { Directory = app.A.Directory });
    }

    /// <summary>A's token on A's URL naming B's resource: not found, as if it did not exist.</summary>
    private static async Task ExpectScim404OnAAsync(IsolationApp app, HttpMethod method, string path, string? body = null)
    {
        var response = await app.ScimA.SendAsync(method, path, body);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await IsolationApp.AssertMentionsNothingOfAsync(response, app.B with { UserIds = [], GroupId = Guid.Empty.ToString() });
    }

    private static async Task ExpectDiscoveryAsync(IsolationApp app, string path)
    {
        await ExpectScim401OnBAsync(app, HttpMethod.Get, path);
        var response = await app.ScimA.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await IsolationApp.AssertMentionsNothingOfAsync(response, app.B);
    }

    private static async Task ExpectHealthAsync(IsolationApp app, string path)
    {
        using var anonymous = app.Factory.CreateClient();
        var response = await anonymous.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await IsolationApp.AssertMentionsNothingOfAsync(response, app.A);
        await IsolationApp.AssertMentionsNothingOfAsync(response, app.B);
    }

    /// <summary>Both organizations' own tokens still work on their own URLs.</summary>
    private static async Task ExpectTokensStillWorkAsync(IsolationApp app)
    {
        Assert.Equal(HttpStatusCode.OK, (await app.A.Directory.GetAsync("/Users?count=1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.B.Directory.GetAsync("/Users?count=1")).StatusCode);
    }

    private static async Task AssertNoCredentialAsync(IsolationApp app, HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        foreach (var secret in new[] { app.A.Token, app.B.Token, ScimCleanApiFactory.AdminApiKey, "whsec_", "tokenHash", "secretCiphertext" })
        {
            Assert.False(body.Contains(secret, StringComparison.OrdinalIgnoreCase), $"the response holds a credential ({secret}): {body}");
        }
    }
}
